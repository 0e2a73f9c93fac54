package com.kehu.crm.support;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Support settings.
 *
 * @param reopenWindow a resolved ticket may be reopened for this long after it was resolved
 * @param escalation when and how overdue tickets are escalated
 */
@ConfigurationProperties("crm.support")
public record SupportProperties(
        @DefaultValue("7d") Duration reopenWindow,
        @DefaultValue Escalation escalation) {

    /**
     * @param enabled whether the every-minute job runs (tests switch it off and call it themselves)
     * @param warnBefore a ticket this close to a due time is escalated already (level 1; overdue is level 2)
     * @param actions what a step does: notify the manager, raise the priority, or both
     */
    public record Escalation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30m") Duration warnBefore,

            @DefaultValue({"NOTIFY_MANAGER", "RAISE_PRIORITY"})
            List<EscalationAction> actions) {}
}

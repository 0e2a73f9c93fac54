package com.kehu.crm.support;

import com.kehu.crm.customer.Importance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The SLA table: minutes to the first response and to the resolution per priority and value tier. Due times run in
 * calendar time from the ticket's creation.
 */
public record SlaTargets(Map<Key, Target> targets) {

    public record Key(TicketPriority priority, Importance tier) {}

    public record Target(int firstResponseMinutes, int resolutionMinutes) {}

    /** When the first response and the resolution are due. */
    public record Due(Instant firstResponseDueAt, Instant resolutionDueAt) {}

    public Target of(TicketPriority priority, Importance tier) {
        Target target = targets.get(new Key(priority, tier));
        if (target == null) {
            throw new IllegalStateException("No SLA target for " + priority + "/" + tier);
        }
        return target;
    }

    public Due dueFrom(Instant createdAt, TicketPriority priority, Importance tier) {
        Target target = of(priority, tier);
        return new Due(
                createdAt.plus(Duration.ofMinutes(target.firstResponseMinutes())),
                createdAt.plus(Duration.ofMinutes(target.resolutionMinutes())));
    }
}

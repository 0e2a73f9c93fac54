package com.kehu.crm.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Survey settings.
 *
 * @param onTicketClose invite the customer when a ticket is closed
 * @param onOrderComplete invite the customer when an order is completed
 * @param linkValidFor how long a survey link can be used after it was issued
 */
@ConfigurationProperties("crm.survey")
public record SurveyProperties(
        @DefaultValue("true") boolean onTicketClose,
        @DefaultValue("true") boolean onOrderComplete,
        @DefaultValue("14d") Duration linkValidFor) {}

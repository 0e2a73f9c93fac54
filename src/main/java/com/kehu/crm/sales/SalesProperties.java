package com.kehu.crm.sales;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sales settings; the course material gives no numbers, so these are defaults to tune.
 *
 * @param claimLimit how many open leads a rep may hold in their private leads (私海)
 * @param poolReturnAfter a claimed lead with no follow-up for this long goes back to the public pool (公海)
 */
@ConfigurationProperties("crm.sales")
public record SalesProperties(
        @DefaultValue("50") int claimLimit,
        @DefaultValue("30d") Duration poolReturnAfter) {}

package com.kehu.crm.marketing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Campaign settings.
 *
 * @param attributionDays a new campaign's attribution window: orders placed this many days after a member's first
 *     touch count for it (each campaign may change its own)
 * @param attributionRule which campaign wins an order that falls within the windows of several
 * @param currency the currency of new campaigns' budgets and expenses
 */
@ConfigurationProperties("crm.marketing")
public record MarketingProperties(
        @DefaultValue("30") int attributionDays,
        @DefaultValue("LAST_TOUCH") AttributionRule attributionRule,
        @DefaultValue("CNY") String currency) {}

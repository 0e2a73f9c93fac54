package com.kehu.crm.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reorder reminders (王永庆's rice shop: deliver before the customer runs out).
 *
 * @param lookaheadDays a customer is listed this many days before their expected next purchase
 * @param minPurchaseDays purchase days needed before a rhythm counts (2 = at least one interval)
 * @param maxOverdueDays customers overdue by longer than this have lapsed: they are a win-back matter, not a reorder
 *     reminder, and leaving them out keeps the list short and its index range small
 */
@ConfigurationProperties("crm.marketing.reorder")
public record ReorderProperties(
        @DefaultValue("7") int lookaheadDays,
        @DefaultValue("2") int minPurchaseDays,
        @DefaultValue("90") int maxOverdueDays) {

    public ReorderProperties {
        if (lookaheadDays < 0 || minPurchaseDays < 2 || maxOverdueDays < 0) {
            throw new IllegalArgumentException(
                    "crm.marketing.reorder: lookahead-days >= 0, min-purchase-days >= 2, max-overdue-days >= 0");
        }
    }
}

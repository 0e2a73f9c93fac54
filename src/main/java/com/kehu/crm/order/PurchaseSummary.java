package com.kehu.crm.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A customer's purchase facts (table {@code customer_purchase}): completed orders, distinct purchase days, first and
 * last purchase, lifetime amount and margin, the median gap between purchase days and the next expected purchase.
 */
public record PurchaseSummary(
        int completedOrders,
        int purchaseDays,
        LocalDate firstOrderOn,
        LocalDate lastOrderOn,
        BigDecimal totalAmount,
        BigDecimal totalMargin,
        @Nullable BigDecimal medianIntervalDays,
        @Nullable LocalDate nextExpectedOn) {}

package com.kehu.crm.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer due to reorder: their last purchase, the median interval between purchase days, the expected next
 * purchase and how many days that is overdue (negative: due in that many days).
 */
public record ReorderRow(
        long customerId,
        String customerName,
        long ownerId,
        String ownerName,
        LocalDate lastOrderOn,
        BigDecimal medianIntervalDays,
        LocalDate nextExpectedOn,
        int daysOverdue,
        int purchaseDays,
        BigDecimal totalAmount) {

    public boolean overdue() {
        return daysOverdue > 0;
    }
}

package com.kehu.crm.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the user enters it. Totals are never part of it: the server computes them from the lines.
 *
 * @param customerId whose order; fixed once the order exists
 * @param opportunityId the won deal it comes from, if any; fixed once the order exists
 */
public record OrderDraft(
        long customerId, @Nullable Long opportunityId, LocalDate orderDate, String currency, List<Line> lines) {

    /** One line: {@code unitPrice} null means the product's list price, {@code discountPercent} null means 0. */
    public record Line(
            long productId,
            BigDecimal quantity,
            @Nullable BigDecimal unitPrice,
            @Nullable BigDecimal discountPercent) {}
}

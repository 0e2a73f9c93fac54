package com.kehu.crm.order;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The order list's filters; all optional. {@code term} searches the customer's name or the order number. */
public record OrderFilter(
        @Nullable OrderStatus status,
        @Nullable String term,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Long customerId) {

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null);
    }
}

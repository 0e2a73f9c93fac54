package com.kehu.crm.customer;

import org.jspecify.annotations.Nullable;

/** What the customer list is narrowed to. Every field is optional. */
public record CustomerFilter(
        @Nullable String q,
        @Nullable CustomerStatus status,
        @Nullable Long ownerId,
        @Nullable Industry industry,
        @Nullable Region region,
        boolean archived) {

    public static CustomerFilter none() {
        return new CustomerFilter(null, null, null, null, null, false);
    }

    public @Nullable String term() {
        return q == null || q.isBlank() ? null : q.strip();
    }
}

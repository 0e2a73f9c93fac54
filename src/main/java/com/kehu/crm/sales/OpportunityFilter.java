package com.kehu.crm.sales;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The list's filters; all optional. {@code openOnly} hides won and lost deals. */
public record OpportunityFilter(
        @Nullable String q,
        @Nullable PipelineStage stage,
        @Nullable Long ownerId,
        @Nullable Long customerId,
        @Nullable OpportunityType type,
        @Nullable LocalDate closeFrom,
        @Nullable LocalDate closeTo,
        boolean openOnly) {

    public static OpportunityFilter none() {
        return new OpportunityFilter(null, null, null, null, null, null, null, false);
    }

    public @Nullable String term() {
        return q == null || q.isBlank() ? null : q.strip();
    }
}

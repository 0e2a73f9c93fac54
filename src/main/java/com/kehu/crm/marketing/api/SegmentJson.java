package com.kehu.crm.marketing.api;

import com.kehu.crm.marketing.SegmentCriteria;
import com.kehu.crm.marketing.SegmentView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A segment in the API; {@code count} (customers now) only on single reads, since each count is a query. */
record SegmentJson(
        long id,
        String name,
        @Nullable String description,
        SegmentCriteria criteria,
        boolean builtIn,
        @Nullable String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Long count) {

    static SegmentJson of(SegmentView v, @Nullable Long count) {
        return new SegmentJson(
                v.id(),
                v.name(),
                v.description(),
                v.criteria(),
                v.builtIn(),
                v.createdBy(),
                v.version(),
                v.createdAt(),
                v.updatedAt(),
                count);
    }
}

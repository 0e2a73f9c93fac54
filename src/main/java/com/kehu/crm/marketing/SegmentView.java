package com.kehu.crm.marketing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A segment for screens and the API. */
public record SegmentView(
        long id,
        String name,
        @Nullable String description,
        SegmentCriteria criteria,
        boolean builtIn,
        @Nullable String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public SegmentData toData() {
        return new SegmentData(name, description, criteria);
    }
}

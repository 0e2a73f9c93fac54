package com.kehu.crm.marketing.api;

import com.kehu.crm.marketing.SegmentCriteria;
import com.kehu.crm.marketing.SegmentData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A segment to create or replace; {@code version} is required to replace one. Absent criteria select everyone. */
record SegmentRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) @Nullable String description,
        @Nullable SegmentCriteria criteria,
        @Nullable Long version) {

    SegmentData toData() {
        return new SegmentData(name, description, criteria == null ? SegmentCriteria.none() : criteria);
    }
}

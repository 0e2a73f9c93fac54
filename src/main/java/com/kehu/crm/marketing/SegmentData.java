package com.kehu.crm.marketing;

import org.jspecify.annotations.Nullable;

/** A segment as the user defines it: name, description and criteria. */
public record SegmentData(String name, @Nullable String description, SegmentCriteria criteria) {}

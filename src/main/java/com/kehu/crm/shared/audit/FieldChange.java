package com.kehu.crm.shared.audit;

import org.jspecify.annotations.Nullable;

/** One field of a record changed from one value to another (values as display text; null = empty). */
public record FieldChange(
        String field, @Nullable String oldValue, @Nullable String newValue) {}

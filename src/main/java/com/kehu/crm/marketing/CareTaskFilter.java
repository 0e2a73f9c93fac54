package com.kehu.crm.marketing;

import org.jspecify.annotations.Nullable;

/** The care task list's filters: one item, and/or one state. */
public record CareTaskFilter(
        @Nullable Long itemId, @Nullable CareTaskState state) {}

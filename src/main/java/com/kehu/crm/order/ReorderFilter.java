package com.kehu.crm.order;

import org.jspecify.annotations.Nullable;

/**
 * The reorder list's filters: only those already overdue, or those due within {@code withinDays} (default: the
 * configured lookahead), and one owner of the user's scope.
 */
public record ReorderFilter(
        boolean overdueOnly,
        @Nullable Integer withinDays,
        @Nullable Long ownerId) {

    public static ReorderFilter none() {
        return new ReorderFilter(false, null, null);
    }
}

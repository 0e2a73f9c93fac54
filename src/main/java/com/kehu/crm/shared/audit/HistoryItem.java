package com.kehu.crm.shared.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One field change in a record's history, as the screen and {@code GET /api/v1/{type}/{id}/history} show it. User
 * fields ({@link AuditQueries#USER_FIELDS}) carry the user's name in place of the stored id.
 */
public record HistoryItem(
        Instant changedAt,
        @Nullable Actor changedBy,
        String field,
        @Nullable String oldValue,
        @Nullable String newValue,
        long txId) {

    public record Actor(long id, String name) {}
}

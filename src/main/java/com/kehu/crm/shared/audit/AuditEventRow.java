package com.kehu.crm.shared.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One line of the admin audit log. */
public record AuditEventRow(
        long id,
        Instant occurredAt,
        AuditEventKind kind,
        @Nullable Long actorId,
        @Nullable String actorName,
        @Nullable String entityType,
        @Nullable Long entityId,
        String summary,
        Map<String, Object> details,
        @Nullable String remoteAddr) {}

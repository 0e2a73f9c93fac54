package com.kehu.crm.shared.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The admin audit log's filters; every one optional. {@code to} is inclusive (the whole day). */
public record AuditEventFilter(
        @Nullable AuditEventKind kind,
        @Nullable Long actorId,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String entityType,
        @Nullable Long entityId) {

    public static AuditEventFilter none() {
        return new AuditEventFilter(null, null, null, null, null, null);
    }
}

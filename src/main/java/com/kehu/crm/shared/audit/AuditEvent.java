package com.kehu.crm.shared.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event for the admin audit log. {@code summary} is a short, fixed-language description for the log list (no
 * secrets, no personal data beyond names); {@code details} holds structured facts (row counts, filters, ids).
 *
 * @param actorId the user who acted; null for the system or an unknown user (a failed sign-in)
 * @param actorName the user name as typed or known, kept even when the user is later renamed
 * @param entityType the record the event is about, if one (e.g. "CUSTOMER"), else null
 */
public record AuditEvent(
        AuditEventKind kind,
        @Nullable Long actorId,
        @Nullable String actorName,
        @Nullable String entityType,
        @Nullable Long entityId,
        String summary,
        Map<String, ?> details) {

    public static AuditEvent of(
            AuditEventKind kind, @Nullable Long actorId, @Nullable String actorName, String summary) {
        return new AuditEvent(kind, actorId, actorName, null, null, summary, Map.of());
    }

    public AuditEvent about(String type, long id) {
        return new AuditEvent(kind, actorId, actorName, type, id, summary, details);
    }

    public AuditEvent with(Map<String, ?> facts) {
        return new AuditEvent(kind, actorId, actorName, entityType, entityId, summary, facts);
    }
}

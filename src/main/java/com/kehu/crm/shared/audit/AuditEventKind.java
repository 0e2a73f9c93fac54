package com.kehu.crm.shared.audit;

/** What the admin audit log records (V24 {@code audit_event.kind}). */
public enum AuditEventKind {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    ROLE_CHANGE,
    USER_CHANGE,
    EXPORT,
    IMPORT,
    IMPORT_UNDO,
    MERGE,
    DELETE,
    /** An administrator changed application settings (e.g. the analytics parameters). */
    SETTINGS_CHANGE
}

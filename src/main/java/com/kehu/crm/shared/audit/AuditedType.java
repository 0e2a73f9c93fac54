package com.kehu.crm.shared.audit;

/** The records whose field changes are kept (V24 {@code audit_change.entity_type}). */
public enum AuditedType {
    CUSTOMER,
    CONTACT,
    OPPORTUNITY,
    ORDER,
    TICKET
}

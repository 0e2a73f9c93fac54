package com.kehu.crm.support;

/** Which SLA target a step escalates: the first response or the resolution. */
public enum EscalationKind {
    FIRST_RESPONSE,
    RESOLUTION
}

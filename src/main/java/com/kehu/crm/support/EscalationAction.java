package com.kehu.crm.support;

/** What an escalation step does ({@code crm.support.escalation.actions}). */
public enum EscalationAction {
    NOTIFY_MANAGER,
    RAISE_PRIORITY
}

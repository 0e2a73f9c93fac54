package com.kehu.crm.support;

import java.util.EnumSet;
import java.util.Set;

/**
 * A ticket's life: new → assigned → in progress ⇄ waiting on the customer → resolved → closed. A resolved ticket may
 * be reopened (back to in progress) within the reopen window; a closed one is final.
 */
public enum TicketStatus {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED;

    public Set<TicketStatus> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED);
            case ASSIGNED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus next) {
        return allowedNext().contains(next);
    }

    /** Still being worked: the SLA clock runs and escalation applies. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}

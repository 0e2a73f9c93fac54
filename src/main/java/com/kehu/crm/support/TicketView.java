package com.kehu.crm.support;

/** The queue's views: my open tickets, the unassigned ones, those breaching soon, the escalated ones, all. */
public enum TicketView {
    MINE,
    UNASSIGNED,
    BREACHING,
    ESCALATED,
    ALL
}

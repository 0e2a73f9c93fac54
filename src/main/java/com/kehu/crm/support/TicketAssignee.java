package com.kehu.crm.support;

/** Someone a ticket can be assigned to: an enabled support agent or manager. */
public record TicketAssignee(long id, String displayName) {}

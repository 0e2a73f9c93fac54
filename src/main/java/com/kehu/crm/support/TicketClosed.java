package com.kehu.crm.support;

import org.jspecify.annotations.Nullable;

/**
 * A ticket was closed. Published inside the closing transaction, so a synchronous listener (the satisfaction survey
 * invitation, for one) commits or rolls back with it.
 */
public record TicketClosed(
        long ticketId, long customerId, @Nullable Long contactId, long closedBy) {}

package com.kehu.crm.support;

import org.jspecify.annotations.Nullable;

/** Logging a ticket: the customer, optionally one of its contacts and orders, the facts and an assignee. */
public record NewTicket(
        long customerId,
        @Nullable Long contactId,
        @Nullable Long orderId,
        TicketData data,
        @Nullable Long assigneeId) {}

package com.kehu.crm.support;

import org.jspecify.annotations.Nullable;

/**
 * The queue's and the API's filters: a view, then optionally a status, an assignee, a customer, and only the open
 * tickets past a due time ({@code breached}).
 */
public record TicketFilter(
        TicketView view,
        @Nullable TicketStatus status,
        @Nullable Long assigneeId,
        @Nullable Long customerId,
        boolean breached) {

    public static TicketFilter of(TicketView view) {
        return new TicketFilter(view, null, null, null, false);
    }
}

package com.kehu.crm.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One ticket with its timeline (status changes and comments, oldest first) and what the user may do with it:
 * {@code workable} for agents (status, assignment, edit), {@code commentable} for whoever sees an unclosed ticket.
 */
public record TicketDetails(
        TicketRow row,
        @Nullable Long contactId,
        @Nullable String contactName,
        @Nullable Long orderId,
        @Nullable String orderNumber,
        long categoryId,
        @Nullable String description,
        @Nullable String resolutionSummary,
        @Nullable String compensationRequested,
        @Nullable String compensationGranted,
        @Nullable BigDecimal compensationAmount,
        @Nullable String remedialAction,
        @Nullable Instant closedAt,
        @Nullable String createdByName,
        boolean workable,
        boolean commentable,
        boolean reopenable,
        Set<TicketStatus> allowedNext,
        List<Event> timeline) {

    /** A status change ({@code to} set) or a comment ({@code body} set). */
    public record Event(
            Instant at,
            @Nullable String who,
            @Nullable TicketStatus from,
            @Nullable TicketStatus to,
            @Nullable String body,
            boolean internal) {

        public boolean isComment() {
            return body != null;
        }
    }
}

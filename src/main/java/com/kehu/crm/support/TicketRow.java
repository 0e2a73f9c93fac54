package com.kehu.crm.support;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A ticket as the queue, the customer tab and the API list show it; the breach flags are as of the query. */
public record TicketRow(
        long id,
        String number,
        long customerId,
        String customerName,
        String subject,
        TicketType type,
        TicketChannel channel,
        String categoryEn,
        String categoryZh,
        TicketPriority priority,
        TicketStatus status,
        @Nullable Long assigneeId,
        @Nullable String assigneeName,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        @Nullable Instant firstRespondedAt,
        @Nullable Instant resolvedAt,
        int escalationLevel,
        boolean firstResponseBreached,
        boolean resolutionBreached,
        Instant createdAt,
        long version) {

    public String category(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? categoryZh : categoryEn;
    }

    /** The due time the agent works towards next: the first response until given, then the resolution. */
    public Instant nextDueAt() {
        return firstRespondedAt == null ? firstResponseDueAt : resolutionDueAt;
    }
}

package com.kehu.crm.survey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The survey state of one ticket or order for its page: no invitation (surveys off when it closed, or it closed
 * before surveys existed), or an invitation with its status and, once answered, the response.
 */
public record InvitationView(
        long customerId,
        @Nullable Long ticketId,
        @Nullable Long orderId,
        @Nullable Long invitationId,
        @Nullable InvitationStatus status,
        @Nullable Instant expiresAt,
        @Nullable SurveyResponseView response) {

    public boolean invited() {
        return invitationId != null;
    }
}

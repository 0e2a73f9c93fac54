package com.kehu.crm.support;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A call record as lists, the API and the edit form show it. */
public record CallRow(
        long id,
        CallDirection direction,
        String phone,
        @Nullable Long customerId,
        @Nullable String customerName,
        @Nullable Long contactId,
        @Nullable String contactName,
        long agentId,
        String agentName,
        Instant startedAt,
        int durationSeconds,
        CallOutcome outcome,
        @Nullable String notes,
        @Nullable Long ticketId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** mm:ss (minutes may pass 59). */
    public String duration() {
        return String.format("%d:%02d", durationSeconds / 60, durationSeconds % 60);
    }

    public CallData toData() {
        return new CallData(
                direction, phone, customerId, contactId, startedAt, durationSeconds, outcome, notes, ticketId);
    }
}

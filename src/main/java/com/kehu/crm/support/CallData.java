package com.kehu.crm.support;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fields of a call record; a null start means now. */
public record CallData(
        CallDirection direction,
        String phone,
        @Nullable Long customerId,
        @Nullable Long contactId,
        @Nullable Instant startedAt,
        int durationSeconds,
        CallOutcome outcome,
        @Nullable String notes,
        @Nullable Long ticketId) {}

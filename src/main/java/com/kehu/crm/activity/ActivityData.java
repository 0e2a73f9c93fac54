package com.kehu.crm.activity;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of an activity. {@code occurredAt} is when it happened, or for a task when it is due;
 * {@code remindAt} applies to tasks only.
 */
public record ActivityData(
        ActivityType type,
        String subject,
        @Nullable String details,
        Instant occurredAt,
        @Nullable Long contactId,
        @Nullable Long opportunityId,
        @Nullable LocalDate nextFollowUpOn,
        @Nullable Instant remindAt) {}

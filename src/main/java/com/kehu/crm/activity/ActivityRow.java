package com.kehu.crm.activity;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An activity as lists, the form and the API show it, with the names of what it refers to. */
public record ActivityRow(
        long id,
        ActivityType type,
        String subject,
        @Nullable String details,
        Instant occurredAt,
        @Nullable Long customerId,
        @Nullable String customerName,
        @Nullable Long contactId,
        @Nullable String contactName,
        @Nullable Long opportunityId,
        @Nullable String opportunityName,
        @Nullable Long leadId,
        @Nullable String leadName,
        long ownerId,
        String ownerName,
        @Nullable LocalDate nextFollowUpOn,
        boolean done,
        @Nullable Instant doneAt,
        @Nullable Instant remindAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ActivityData toData() {
        return new ActivityData(type, subject, details, occurredAt, contactId, opportunityId, nextFollowUpOn, remindAt);
    }

    public boolean isOpenTask() {
        return type.isTask() && !done;
    }
}

package com.kehu.crm.activity.api;

import com.kehu.crm.activity.ActivityData;
import com.kehu.crm.activity.ActivityType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The body of POST (with {@code customerId} or {@code leadId}) and PUT (with {@code version}). */
public record ActivityRequest(
        @Nullable Long customerId,
        @Nullable Long leadId,
        @NotNull ActivityType type,
        @NotBlank @Size(max = 200) String subject,
        @Nullable @Size(max = 4000) String details,
        @NotNull Instant occurredAt,
        @Nullable Long contactId,
        @Nullable Long opportunityId,
        @Nullable LocalDate nextFollowUpOn,
        @Nullable Instant remindAt,
        @Nullable Long version) {

    ActivityData toData() {
        return new ActivityData(
                Objects.requireNonNull(type),
                subject,
                details,
                Objects.requireNonNull(occurredAt),
                contactId,
                opportunityId,
                nextFollowUpOn,
                remindAt);
    }
}

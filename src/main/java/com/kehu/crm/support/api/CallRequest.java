package com.kehu.crm.support.api;

import com.kehu.crm.support.CallData;
import com.kehu.crm.support.CallDirection;
import com.kehu.crm.support.CallOutcome;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The body of POST and PUT (with {@code version}); a missing start is now, a missing duration 0 seconds. */
public record CallRequest(
        @NotNull CallDirection direction,

        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*")
        String phone,

        @Nullable Long customerId,
        @Nullable Long contactId,
        @Nullable Instant startedAt,
        @Nullable @Min(0) @Max(86400) Integer durationSeconds,
        @NotNull CallOutcome outcome,
        @Nullable @Size(max = 4000) String notes,
        @Nullable Long ticketId,
        @Nullable Long version) {

    CallData toData() {
        return new CallData(
                direction,
                phone,
                customerId,
                contactId,
                startedAt,
                durationSeconds == null ? 0 : durationSeconds,
                outcome,
                notes,
                ticketId);
    }
}

package com.kehu.crm.support.web;

import com.kehu.crm.support.CallData;
import com.kehu.crm.support.CallDirection;
import com.kehu.crm.support.CallOutcome;
import com.kehu.crm.support.CallRow;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The compact call form: the number first, everything else defaulted (inbound, answered, now, 0:00). */
@Getter
@Setter
public class CallForm {

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}")
    private String phone = "";

    @NotNull
    private CallDirection direction = CallDirection.INBOUND;

    @NotNull
    private CallOutcome outcome = CallOutcome.ANSWERED;

    /** mm:ss, or plain seconds; minutes may exceed 59 (up to 24 hours in all). */
    @Size(max = 8)
    @Pattern(regexp = "\\s*(\\d{1,4}:[0-5]\\d|\\d{1,5})?\\s*", message = "{call.duration.pattern}")
    private String duration = "";

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private @Nullable LocalDateTime startedAt;

    private @Nullable Long customerId;
    private @Nullable Long contactId;
    private @Nullable Long ticketId;

    @Size(max = 4000)
    private @Nullable String notes;

    private long version;

    static CallForm of(CallRow c, ZoneId zone) {
        CallForm form = new CallForm();
        form.phone = c.phone();
        form.direction = c.direction();
        form.outcome = c.outcome();
        form.duration = c.duration();
        form.startedAt = LocalDateTime.ofInstant(c.startedAt(), zone).truncatedTo(ChronoUnit.MINUTES);
        form.customerId = c.customerId();
        form.contactId = c.contactId();
        form.ticketId = c.ticketId();
        form.notes = c.notes();
        form.version = c.version();
        return form;
    }

    /** Seconds from "m:ss" or plain seconds; -1 when the text is not a duration (the pattern reports it). */
    static int seconds(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int colon = value.indexOf(':');
            return colon < 0
                    ? Integer.parseInt(value)
                    : Integer.parseInt(value.substring(0, colon)) * 60 + Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    CallData toData(ZoneId zone) {
        return new CallData(
                direction,
                phone,
                customerId,
                contactId,
                startedAt == null ? null : startedAt.atZone(zone).toInstant(),
                seconds(duration),
                outcome,
                notes,
                ticketId);
    }
}

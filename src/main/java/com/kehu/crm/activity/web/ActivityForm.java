package com.kehu.crm.activity.web;

import com.kehu.crm.activity.ActivityData;
import com.kehu.crm.activity.ActivityRow;
import com.kehu.crm.activity.ActivityType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What the activity screen posts. Times are local to the company's time zone (datetime-local inputs). */
@Getter
@Setter
public class ActivityForm {

    private @Nullable Long customerId;
    private @Nullable Long leadId;

    @NotNull
    private @Nullable ActivityType type = ActivityType.CALL;

    @NotBlank
    @Size(max = 200)
    private String subject = "";

    @Size(max = 4000)
    private @Nullable String details;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private @Nullable LocalDateTime occurredAt;

    private @Nullable Long contactId;
    private @Nullable Long opportunityId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate nextFollowUpOn;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private @Nullable LocalDateTime remindAt;

    private long version;

    static ActivityForm of(ActivityRow a, ZoneId zone) {
        ActivityForm form = new ActivityForm();
        form.customerId = a.customerId();
        form.leadId = a.leadId();
        form.type = a.type();
        form.subject = a.subject();
        form.details = a.details();
        form.occurredAt = LocalDateTime.ofInstant(a.occurredAt(), zone).truncatedTo(ChronoUnit.MINUTES);
        form.contactId = a.contactId();
        form.opportunityId = a.opportunityId();
        form.nextFollowUpOn = a.nextFollowUpOn();
        form.remindAt = a.remindAt() == null
                ? null
                : LocalDateTime.ofInstant(a.remindAt(), zone).truncatedTo(ChronoUnit.MINUTES);
        form.version = a.version();
        return form;
    }

    ActivityData toData(ZoneId zone) {
        ActivityType t = Objects.requireNonNull(type);
        return new ActivityData(
                t,
                subject,
                details,
                Objects.requireNonNull(occurredAt).atZone(zone).toInstant(),
                contactId,
                opportunityId,
                nextFollowUpOn,
                t.isTask() && remindAt != null ? remindAt.atZone(zone).toInstant() : null);
    }
}

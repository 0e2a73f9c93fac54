package com.kehu.crm.marketing.web;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.marketing.CareItemData;
import com.kehu.crm.marketing.CareItemView;
import com.kehu.crm.marketing.CareKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.MonthDay;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** The care item form: a plain bean bound from the request, turned into {@link CareItemData} when valid. */
@Getter
@Setter
public class CareItemForm {

    @NotNull
    private @Nullable Importance tier = Importance.VIP;

    @NotNull
    private @Nullable CareKind kind = CareKind.BIRTHDAY_GREETING;

    @NotBlank
    @Size(max = 100)
    private String title = "";

    @Size(max = 100)
    private @Nullable String holidayName;

    @Min(1)
    @Max(12)
    private @Nullable Integer occasionMonth;

    @Min(1)
    @Max(31)
    private @Nullable Integer occasionDay;

    @Min(7)
    @Max(730)
    private @Nullable Integer intervalDays;

    @NotNull
    @Min(0)
    @Max(60)
    private @Nullable Integer leadDays = 0;

    private boolean active = true;

    private long version;

    static CareItemForm of(CareItemView item) {
        CareItemForm form = new CareItemForm();
        form.tier = item.tier();
        form.kind = item.kind();
        form.title = item.title();
        form.holidayName = item.holidayName();
        form.occasionMonth = item.occasion() == null ? null : item.occasion().getMonthValue();
        form.occasionDay = item.occasion() == null ? null : item.occasion().getDayOfMonth();
        form.intervalDays = item.intervalDays();
        form.leadDays = item.leadDays();
        form.active = item.active();
        form.version = item.version();
        return form;
    }

    /** The month-day if both parts are given and form a date (29 February is one); null otherwise. */
    @Nullable
    MonthDay occasion() {
        if (occasionMonth == null || occasionDay == null) {
            return null;
        }
        try {
            return MonthDay.of(occasionMonth, occasionDay);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Only half a date, or a day the month does not have (31 April). */
    boolean occasionInvalid() {
        return (occasionMonth == null) != (occasionDay == null) || (occasionMonth != null && occasion() == null);
    }

    CareItemData toData() {
        return new CareItemData(
                java.util.Objects.requireNonNull(tier),
                java.util.Objects.requireNonNull(kind),
                title,
                holidayName,
                occasion(),
                intervalDays,
                leadDays == null ? 0 : leadDays,
                active);
    }
}

package com.kehu.crm.marketing;

import com.kehu.crm.customer.Importance;
import java.time.MonthDay;
import org.jspecify.annotations.Nullable;

/**
 * A care item as entered: the tier it serves, what it does and when. {@code occasion} is the month-day of a holiday
 * greeting or of a gift (null for a gift on the first-purchase anniversary); {@code intervalDays} is for periodic
 * visits and calls; the task is created {@code leadDays} before the occasion.
 */
public record CareItemData(
        Importance tier,
        CareKind kind,
        String title,
        @Nullable String holidayName,
        @Nullable MonthDay occasion,
        @Nullable Integer intervalDays,
        int leadDays,
        boolean active) {}

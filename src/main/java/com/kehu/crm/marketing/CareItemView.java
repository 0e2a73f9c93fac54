package com.kehu.crm.marketing;

import com.kehu.crm.customer.Importance;
import java.time.MonthDay;
import org.jspecify.annotations.Nullable;

/**
 * A care item with what became of its tasks in the last days ({@code crm.marketing.care.stats-days}), counted over
 * the customers the viewer may see: created, done, open, and of the open ones those past due.
 */
public record CareItemView(
        long id,
        Importance tier,
        CareKind kind,
        String title,
        @Nullable String holidayName,
        @Nullable MonthDay occasion,
        @Nullable Integer intervalDays,
        int leadDays,
        boolean active,
        long version,
        long created,
        long done,
        long open,
        long overdue) {}

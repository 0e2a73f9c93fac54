package com.kehu.crm.analytics;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The period of a period report (satisfaction, funnel, support) and of the lists behind their figures, both days
 * included: as asked, with the last 12 months up to today for what is not given. The screens and the API refuse one
 * that ends before it starts.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_MONTHS = 12;

    public static ReportPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        return new ReportPeriod(from == null ? end.minusMonths(DEFAULT_MONTHS).plusDays(1) : from, end);
    }

    /** The last 12 months up to today. */
    public static ReportPeriod lastYear(Clock clock) {
        return of(null, null, clock);
    }

    public boolean valid() {
        return !from.isAfter(to);
    }

    /** The query string that keeps this period in a link. */
    public String query() {
        return "?from=" + from + "&to=" + to;
    }
}

package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.ReportPeriod;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The period as a request gives it ({@code ?from=&to=}, ISO dates, either may be left out); bound by Spring MVC. */
record PeriodParams(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate from,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate to) {

    /** The period with its defaults. */
    ReportPeriod period(Clock clock) {
        return ReportPeriod.of(from, to, clock);
    }

    /** The period with its defaults; a 400 when it ends before it starts (the lists behind the figures). */
    ReportPeriod validOrBadRequest(Clock clock) {
        ReportPeriod period = period(clock);
        if (!period.valid()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return period;
    }
}

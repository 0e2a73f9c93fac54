package com.kehu.crm.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** "Today" as the company sees it: the day and month in {@code crm.time-zone}, from the application clock. */
@Component
public class WorkingDay {

    private final Clock clock;
    private final ZoneId zone;

    public WorkingDay(Clock clock, @Value("${crm.time-zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public YearMonth month() {
        return YearMonth.from(today());
    }

    public Instant startOfToday() {
        return today().atStartOfDay(zone).toInstant();
    }

    public Instant endOfToday() {
        return today().plusDays(1).atStartOfDay(zone).toInstant();
    }
}

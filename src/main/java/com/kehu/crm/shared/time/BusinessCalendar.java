package com.kehu.crm.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Today" and "this month" in the company's time zone ({@code crm.time-zone}), from the replaceable {@link Clock}:
 * a deal closes on the company's date, not on UTC's.
 */
@Component
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public BusinessCalendar(Clock clock, @Value("${crm.time-zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first instant of tomorrow: "due today" means before this. */
    public Instant endOfToday() {
        return today().plusDays(1).atStartOfDay(zone).toInstant();
    }

    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    public ZoneId zone() {
        return zone;
    }
}

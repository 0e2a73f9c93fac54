package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kehu.crm.shared.time.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The catch-up run after a start: on by default, so a server down at the scheduled hour still creates the tasks. */
class CareRunsTests {

    final CareJob job = mock(CareJob.class);
    final BusinessCalendar calendar =
            new BusinessCalendar(Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneOffset.UTC), "Asia/Shanghai");

    CareRuns runs(boolean runOnStartup) {
        return new CareRuns(
                job, calendar, new CareProperties("-", 2000, 9, 90, Locale.SIMPLIFIED_CHINESE, runOnStartup));
    }

    @Test
    void catchesUpInTheBackgroundOnceTheApplicationIsReady() {
        when(job.customersToExamine(null)).thenReturn(3L);
        when(job.run(eq(LocalDate.of(2026, 11, 24)), isNull(), any())).thenReturn(new CareJob.Result(3, 2));
        CareRuns runs = runs(true);

        runs.catchUp();

        assertThat(runs.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(runs.latest()).isNotNull();
        assertThat(runs.latest().state()).isEqualTo(CareRuns.State.DONE);
        assertThat(runs.latest().created()).isEqualTo(2);
        assertThat(runs.latest().day()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void staysIdleAtStartWhenSwitchedOff() {
        CareRuns runs = runs(false);

        runs.catchUp();

        assertThat(runs.latest()).isNull();
        verify(job, never()).run(any(), any(), any());
    }
}

package com.kehu.crm.marketing;

import com.kehu.crm.shared.time.BusinessCalendar;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the care job in the background, daily at {@code crm.marketing.care.cron} and when a manager presses "Run
 * now", and remembers the progress of the latest run for the care page. One run at a time per instance; runs on two
 * instances at once are safe (see {@link CareJob}), they only duplicate the reading.
 */
@Component
public class CareRuns {

    private static final Logger log = LoggerFactory.getLogger(CareRuns.class);

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /** The latest run as the care page shows it. */
    public record Progress(
            State state,
            LocalDate day,
            long examined,
            long total,
            int created,
            Instant startedAt,
            @Nullable Instant finishedAt) {

        public int percent() {
            return total <= 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, examined * 100 / total);
        }

        public boolean running() {
            return state == State.RUNNING;
        }
    }

    private final CareJob job;
    private final BusinessCalendar calendar;
    private final AtomicReference<@Nullable Progress> latest = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "care-job");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Future<?> current;

    private final boolean runOnStartup;

    public CareRuns(CareJob job, BusinessCalendar calendar, CareProperties properties) {
        this.job = job;
        this.calendar = calendar;
        this.runOnStartup = properties.runOnStartup();
    }

    @Scheduled(cron = "${crm.marketing.care.cron:0 30 5 * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    void daily() {
        start();
    }

    /**
     * Catches up after a start: a server that was down at the scheduled hour (or a fresh demo) would otherwise wait a
     * day for its care tasks. Idempotent like every run, and in the background, so it never delays the start. Runs
     * after the application runners, i.e. after the demo data exists.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (runOnStartup) {
            start();
        }
    }

    /** Starts a run for today unless one is running; returns whether it started. */
    public synchronized boolean start() {
        Progress last = latest.get();
        if (last != null && last.running()) {
            return false;
        }
        LocalDate today = calendar.today();
        Instant started = calendar.now();
        latest.set(new Progress(State.RUNNING, today, 0, 0, 0, started, null));
        current = executor.submit(() -> execute(today, started));
        return true;
    }

    private void execute(LocalDate today, Instant started) {
        try {
            long total = job.customersToExamine(null);
            latest.set(new Progress(State.RUNNING, today, 0, total, 0, started, null));
            CareJob.Result result = job.run(
                    today,
                    null,
                    examined -> latest.set(new Progress(State.RUNNING, today, examined, total, 0, started, null)));
            latest.set(new Progress(
                    State.DONE,
                    today,
                    result.customersExamined(),
                    total,
                    result.tasksCreated(),
                    started,
                    calendar.now()));
            log.info(
                    "Care job for {}: {} customers examined, {} tasks created",
                    today,
                    result.customersExamined(),
                    result.tasksCreated());
        } catch (RuntimeException e) {
            Progress last = latest.get();
            latest.set(new Progress(
                    State.FAILED,
                    today,
                    last == null ? 0 : last.examined(),
                    last == null ? 0 : last.total(),
                    0,
                    started,
                    calendar.now()));
            log.error("Care job for {} failed", today, e);
        }
    }

    /** The latest run since the application started, if any. */
    public @Nullable Progress latest() {
        return latest.get();
    }

    /** Waits for the current run to end (tests and shutdown); true if none is running afterwards. */
    public boolean awaitIdle(Duration timeout) {
        Future<?> running = current;
        if (running == null) {
            return true;
        }
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

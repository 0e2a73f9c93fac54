package com.kehu.crm.analytics;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes customer_metrics as a whole, in the background: facts (SQL), lifetime values (Java over a cursor),
 * classes (Java over two streamed passes, written by COPY with the per-owner summaries they gather), then the new
 * table is indexed and swapped in within one short transaction, so dashboards read either the old metrics or the new
 * ones, never a mix. The summaries the reports read are built on a second thread beside those steps (the daily sales,
 * the funnel's and the service summaries during the facts; the satisfaction by value tier, which reads the new
 * metrics, while the indexes are built) and swapped in with the metrics. Nightly ({@code crm.analytics.refresh.cron}),
 * on demand, and after a start when the metrics are empty (they are unlogged, so a crash empties them).
 *
 * <p>Two instances never compute at once: at most one refresh is queued or running (a partial unique index), and the
 * one running holds a session advisory lock, so a refresh left RUNNING by a crashed instance is recognised (its lock
 * is free) and closed as FAILED when the next one is requested.
 */
@Service
public class MetricsRefresh {

    /** The advisory lock key of the refresh ("kehu" "mtrx" in ASCII, any fixed number would do). */
    static final long LOCK = 0x6b656875_6d747278L;

    static final List<String> STEPS = List.of("FACTS", "LIFETIME_VALUE", "CLASSES", "SWAP");

    private static final Logger log = LoggerFactory.getLogger(MetricsRefresh.class);

    /**
     * The indexes of customer_metrics (built on the new table before the swap), for the drill-down lists: 50 customers
     * of one class by profit rank, for everyone or a set of owners. A class index walks the class in rank order, for
     * everyone or filtering on the owner (a team or a rep); the owner index serves a rep's or a team's unfiltered list;
     * the partial indexes the churned, the at-risk and the due-to-reorder lists. The due list walks the ranks and tests
     * the day inside the index (its second column): the rows are written in customer order, so a test on the table
     * would fetch a random page for every customer passed over (100-160 ms at a million customers, against 0.4-5 ms).
     * There is deliberately no index on the rank alone: the planner would walk it for every class, assuming a class
     * spread evenly over the ranks, and the ordinary tier or the BZC customers start hundreds of thousands of ranks down.
     */
    private static final List<String[]> INDEXES = List.of(
            new String[] {"owner_idx", "(owner_id, profit_rank)"},
            new String[] {"tier_idx", "(value_tier, profit_rank)"},
            new String[] {"rfm_idx", "(rfm_segment, profit_rank)"},
            new String[] {"clv_tier_idx", "(clv_tier, profit_rank)"},
            new String[] {"loyalty_idx", "(loyalty, profit_rank)"},
            new String[] {"lifecycle_idx", "(lifecycle_stage, profit_rank)"},
            new String[] {"churned_idx", "(profit_rank) where churned"},
            new String[] {"at_risk_idx", "(profit_rank) where at_risk"},
            new String[] {
                "due_idx",
                "(profit_rank, next_purchase_expected) where next_purchase_expected is not null and not churned"
            });

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AnalyticsParameterStore parameters;
    private final MetricsFacts facts;
    private final LifetimeValues lifetimeValues;
    private final MetricsClassification classification;
    private final ClvFits fits;
    private final MetricsSummaries summaries;
    private final FunnelSummaries funnelSummaries;
    private final ServiceSummaries serviceSummaries;
    private final boolean refreshOnStartup;
    /** work_mem of the refresh's big statements (checked to be a size, as it is written into SQL). */
    private final String workMem;
    /** When the current step began (the refresh runs on one thread), for the log of step durations. */
    private long stepStarted;

    private long lapStarted;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "analytics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The refresh's summaries run on this second thread, on a connection of its own, beside the main steps: the facts
     * are an insert … select, which PostgreSQL never runs in parallel, so a second core would otherwise sit idle.
     */
    private final ExecutorService beside = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "analytics-refresh-beside");
        thread.setDaemon(true);
        return thread;
    });

    MetricsRefresh(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            AnalyticsParameterStore parameters,
            MetricsFacts facts,
            LifetimeValues lifetimeValues,
            MetricsClassification classification,
            ClvFits fits,
            MetricsSummaries summaries,
            FunnelSummaries funnelSummaries,
            ServiceSummaries serviceSummaries,
            @Value("${crm.analytics.refresh.on-startup:true}") boolean refreshOnStartup,
            @Value("${crm.analytics.refresh.work-mem:256MB}") String workMem) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.parameters = parameters;
        this.facts = facts;
        this.lifetimeValues = lifetimeValues;
        this.classification = classification;
        this.fits = fits;
        this.summaries = summaries;
        this.funnelSummaries = funnelSummaries;
        this.serviceSummaries = serviceSummaries;
        this.refreshOnStartup = refreshOnStartup;
        if (!workMem.matches("[0-9]+(kB|MB|GB)")) {
            throw new IllegalArgumentException("crm.analytics.refresh.work-mem: a size such as 256MB");
        }
        this.workMem = workMem;
    }

    /** A refresh as the status call shows it. */
    public record Status(
            long id,
            String status,
            @Nullable String phase,
            int stepsDone,
            int stepsTotal,
            @Nullable Integer customers,
            Instant requestedAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String failure) {

        /** Queued or running: a screen keeps polling. */
        public boolean active() {
            return status.equals("QUEUED") || status.equals("RUNNING");
        }

        public int percent() {
            return stepsTotal == 0 ? 0 : Math.min(100, stepsDone * 100 / stepsTotal);
        }

        /** How long it ran, once finished. */
        public @Nullable Duration took() {
            return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
        }
    }

    /** What a request did: started refresh {@code id}, or found it already queued or running. */
    public record Requested(long id, boolean started) {}

    /**
     * Queues a refresh and returns its id, or the id of the one already queued or running (requesting twice, or from
     * two instances, starts one refresh).
     */
    public long request(@Nullable Long userId) {
        return start(userId).id();
    }

    /** As {@link #request}, and says whether this call started the refresh or found one queued or running. */
    public Requested start(@Nullable Long userId) {
        closeAbandoned();
        long id = jdbc.sql("select nextval('analytics_refresh_seq')")
                .query(Long.class)
                .single();
        try {
            jdbc.sql("""
                            insert into analytics_refresh (id, status, steps_total, requested_by, requested_at)
                            values (:id, 'QUEUED', :steps, :by, now())""")
                    .param("id", id)
                    .param("steps", STEPS.size())
                    .param("by", userId)
                    .update();
        } catch (DuplicateKeyException e) {
            return new Requested(active().orElseThrow(() -> e), false);
        }
        executor.submit(() -> run(id));
        return new Requested(id, true);
    }

    public Optional<Status> status(long id) {
        return jdbc.sql("select * from analytics_refresh where id = :id")
                .param("id", id)
                .query((rs, n) -> new Status(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getString("phase"),
                        rs.getInt("steps_done"),
                        rs.getInt("steps_total"),
                        (Integer) rs.getObject("customers"),
                        rs.getTimestamp("requested_at").toInstant(),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("finished_at")),
                        rs.getString("failure")))
                .optional();
    }

    /** The last finished refresh, if any (what the dashboards show as "computed at"). */
    public Optional<Status> lastDone() {
        return jdbc.sql("select id from analytics_refresh where status = 'DONE' order by finished_at desc limit 1")
                .query(Long.class)
                .optional()
                .flatMap(this::status);
    }

    /** The refresh queued or running, else the one requested last (whatever its outcome), if any. */
    public Optional<Status> latest() {
        return jdbc.sql("select id from analytics_refresh order by requested_at desc, id desc limit 1")
                .query(Long.class)
                .optional()
                .flatMap(this::status);
    }

    @Scheduled(cron = "${crm.analytics.refresh.cron:0 0 3 * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    void nightly() {
        request(null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        // empty metrics, or metrics from before the summaries existed (V34, V38, V39)
        boolean empty = jdbc.sql("select not exists (select 1 from customer_metrics)"
                        + " or not exists (select 1 from analytics_owner_summary)"
                        + " or (exists (select 1 from analytics_opportunity_v)"
                        + " and not exists (select 1 from analytics_funnel_day))"
                        + " or (exists (select 1 from analytics_ticket_v)"
                        + " and not exists (select 1 from analytics_ticket_day))")
                .query(Boolean.class)
                .single();
        if (refreshOnStartup && empty) {
            request(null);
        }
    }

    private Optional<Long> active() {
        return jdbc.sql("select id from analytics_refresh where status in ('QUEUED', 'RUNNING')")
                .query(Long.class)
                .optional();
    }

    /**
     * A refresh queued or running for over a minute while nobody holds the lock was left by a stopped instance (a
     * queued one is picked up at once by its instance's executor): close it.
     */
    private void closeAbandoned() {
        jdbc.sql("""
                        update analytics_refresh set status = 'FAILED', failure = 'analytics.refresh.failure.abandoned',
                            finished_at = now()
                        where status in ('QUEUED', 'RUNNING')
                          and coalesce(started_at, requested_at) < now() - interval '1 minute'
                          and pg_try_advisory_xact_lock(:lock)""").param("lock", LOCK).update();
    }

    void run(long id) {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                fail(id, "analytics.refresh.failure.busy");
                return;
            }
            try {
                compute(id);
            } finally {
                try (PreparedStatement unlock = lockHolder.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        } catch (Exception e) {
            log.warn("Analytics refresh {} failed", id, e);
            fail(id, "analytics.refresh.failure.generic");
        }
    }

    private void compute(long id) throws SQLException {
        LocalDate day = LocalDate.now(clock);
        AnalyticsParameters p = parameters.current();
        String factsTable = "analytics_facts_" + id;
        String valuesTable = "analytics_values_" + id;
        String metricsTable = "customer_metrics_" + id;
        jdbc.sql("update analytics_refresh set status = 'RUNNING', started_at = now() where id = :id")
                .param("id", id)
                .update();
        List<Future<?>> besides = new java.util.ArrayList<>();
        try {
            step(id, 0);
            summaries.create(id);
            besides.add(beside.submit(() -> {
                long started = System.nanoTime();
                besideHeavy(() -> summaries.dailySales(id));
                besideHeavy(() -> {
                    funnelSummaries.build(id);
                    serviceSummaries.build(id);
                    return null;
                });
                log.info(
                        "Analytics refresh {}: daily sales, funnel and service summaries (beside) took {} ms",
                        id,
                        (System.nanoTime() - started) / 1_000_000);
                return null;
            }));
            facts.create(factsTable);
            // the customers' groups by sorting: their orders arrive sorted from the window anyway
            int customers = heavy(() -> {
                jdbc.sql("set local enable_hashagg = off").update();
                return facts.fill(factsTable, day);
            });
            jdbc.sql("analyze " + factsTable).update();
            lap(id, "facts");
            jdbc.sql("update analytics_refresh set customers = :n where id = :id")
                    .param("n", customers)
                    .param("id", id)
                    .update();
            step(id, 1);
            lifetimeValues.create(valuesTable);
            lifetimeValues.compute(factsTable, valuesTable, day, p, models(p));
            step(id, 2);
            jdbc.sql("create unlogged table " + metricsTable
                            + " (like customer_metrics including defaults including constraints)"
                            + " with (fillfactor = 100)")
                    .update();
            MetricsClassification.Classified classified =
                    classification.classify(factsTable, valuesTable, metricsTable, id, day, p);
            summaries.write(id, classified);
            step(id, 3);
            // the primary key before the work beside starts reading: adding a constraint takes an exclusive lock, which
            // would wait for those reads, while creating an index only blocks writes
            heavy(() -> jdbc.sql("alter table " + metricsTable + " add constraint " + metricsTable
                            + "_pk primary key (customer_id)")
                    .update());
            jdbc.sql("analyze " + metricsTable).update();
            // the satisfaction by value tier only reads the new table, so it is computed beside while its indexes are
            // built (each index build already sorts with parallel workers)
            besides.add(beside.submit(() -> besideHeavy(() -> {
                long started = System.nanoTime();
                serviceSummaries.buildTiers(id, metricsTable);
                log.info(
                        "Analytics refresh {}: satisfaction by value tier (beside) took {} ms",
                        id,
                        (System.nanoTime() - started) / 1_000_000);
                return null;
            })));
            heavy(() -> {
                for (String[] index : INDEXES) {
                    jdbc.sql("create index " + metricsTable + "_" + index[0] + " on " + metricsTable + " " + index[1])
                            .update();
                }
                return null;
            });
            lap(id, "indexes");
            for (Future<?> work : besides) {
                work.get();
            }
            lap(id, "waiting for the work beside");
            swap(metricsTable, id);
            // fresh statistics for the summaries just copied in (a year's ticket histogram was summed in 91 ms with
            // the estimates of an empty table, in 29 ms with these); outside the swap, so readers do not wait for it
            for (List<String> tables :
                    List.of(MetricsSummaries.TABLES, FunnelSummaries.TABLES, ServiceSummaries.TABLES)) {
                SummaryTables.analyze(jdbc, tables);
            }
            log.info(
                    "Analytics refresh {}: {} took {} ms",
                    id,
                    STEPS.get(3),
                    (System.nanoTime() - stepStarted) / 1_000_000);
            jdbc.sql("""
                            update analytics_refresh set status = 'DONE', steps_done = steps_total, phase = null,
                                finished_at = now()
                            where id = :id""").param("id", id).update();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Analytics refresh " + id + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Analytics refresh " + id + ": the work beside failed", e.getCause());
        } finally {
            // the work beside may still be writing its tables after a failure here: let it end before dropping them
            for (Future<?> work : besides) {
                try {
                    work.get();
                } catch (Exception ignored) {
                    // reported above, or the refresh failed for another reason already being reported
                }
            }
            facts.drop(factsTable);
            facts.drop(valuesTable);
            facts.drop(metricsTable);
            summaries.drop(id);
            funnelSummaries.drop(id);
            serviceSummaries.drop(id);
        }
    }

    /** The latest fit if it saw enough customers (and a tenth as many repeat buyers); else the simple estimate. */
    private LifetimeValues.@Nullable Models models(AnalyticsParameters p) {
        return fits.latest()
                .filter(fit ->
                        fit.bgCustomers() >= p.clvMinCustomers() && fit.ggCustomers() * 10L >= p.clvMinCustomers())
                .filter(MetricsRefresh::identified)
                .map(fit -> new LifetimeValues.Models(fit.bgNbd(), fit.gammaGamma(), fit.timeUnit()))
                .orElse(null);
    }

    /**
     * Whether the fit describes heterogeneous customers: when every customer buys at the same rate and nobody drops
     * out, maximum likelihood drives r, α and b (and q, γ) towards infinity (the Poisson limit) and the closed forms
     * lose their precision there; such a fit is kept and shown, but lifetime values use the simple estimate.
     */
    static boolean identified(ClvFits.Fit fit) {
        double limit = 1e6;
        boolean bg = fit.bgNbd().r() < limit
                && fit.bgNbd().alpha() < limit
                && fit.bgNbd().b() < limit;
        boolean gg = fit.gammaGamma() == null
                || (fit.gammaGamma().q() < limit && fit.gammaGamma().gamma() < limit * 1e3);
        return bg && gg;
    }

    /** Puts the new table in place of customer_metrics, with the canonical constraint and index names. */
    private void swap(String metricsTable, long id) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("lock table customer_metrics in access exclusive mode").update();
            jdbc.sql("drop table customer_metrics").update();
            jdbc.sql("alter table " + metricsTable + " rename to customer_metrics")
                    .update();
            jdbc.sql("alter table customer_metrics rename constraint " + metricsTable + "_pk to customer_metrics_pk")
                    .update();
            for (String[] index : INDEXES) {
                jdbc.sql("alter index " + metricsTable + "_" + index[0] + " rename to customer_metrics_" + index[0])
                        .update();
            }
            summaries.install(id);
            funnelSummaries.install(id);
            serviceSummaries.install(id);
        });
    }

    /**
     * Runs a big statement in a transaction of its own with more memory for its sorts and hash tables than the
     * server's default (which suits the many small queries of the application), set locally so the pooled connection
     * keeps its defaults.
     */
    private <T> T heavy(java.util.function.Supplier<T> work) {
        return tx.execute(s -> {
            jdbc.sql("set local work_mem = '" + workMem + "'").update();
            jdbc.sql("set local maintenance_work_mem = '" + workMem + "'").update();
            // compiling these one-off statements costs seconds and saves less
            jdbc.sql("set local jit = off").update();
            return work.get();
        });
    }

    /**
     * {@link #heavy} for the work beside, without parallel workers: the main steps keep one core busy, and parallel
     * workers beside them would only compete with it.
     */
    private <T> T besideHeavy(java.util.function.Supplier<T> work) {
        return heavy(() -> {
            jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
            return work.get();
        });
    }

    /** Logs the time since the last lap or step (sub-steps of a step, for the benchmark). */
    private void lap(long id, String what) {
        long now = System.nanoTime();
        log.info("Analytics refresh {}: {} took {} ms", id, what, (now - lapStarted) / 1_000_000);
        lapStarted = now;
    }

    private void step(long id, int done) {
        long now = System.nanoTime();
        if (done > 0) {
            log.info("Analytics refresh {}: {} took {} ms", id, STEPS.get(done - 1), (now - stepStarted) / 1_000_000);
        }
        stepStarted = now;
        lapStarted = now;
        jdbc.sql("update analytics_refresh set steps_done = :done, phase = :phase where id = :id")
                .param("done", done)
                .param("phase", STEPS.get(done))
                .param("id", id)
                .update();
    }

    private void fail(long id, String key) {
        jdbc.sql("update analytics_refresh set status = 'FAILED', failure = :f, finished_at = now() where id = :id")
                .param("f", key)
                .param("id", id)
                .update();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        beside.shutdownNow();
    }
}

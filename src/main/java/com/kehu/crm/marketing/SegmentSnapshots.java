package com.kehu.crm.marketing;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.time.BusinessCalendar;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a segment's customers to a campaign as members: a snapshot of who is in the segment now. A million customers
 * do not fit one request, so the run walks the customer ids in ranges ({@code snapshot-batch-ids} wide), each range
 * one transaction that inserts the new members set-based and records the progress; the segment page polls it. The
 * criteria, "today" and the highest customer id are fixed when the run starts. A run interrupted by a restart resumes
 * at its last range. Members already in the campaign are counted, not duplicated (the campaign's unique index).
 */
@Service
public class SegmentSnapshots {

    private static final Logger log = LoggerFactory.getLogger(SegmentSnapshots.class);

    static final String SELECT = """
            select s.id, s.segment_id, s.campaign_id, k.name as campaign_name, s.status, s.total, s.added, s.already,
                   u.display_name as started_by, s.started_at, s.finished_at
            from segment_snapshot s join campaign k on k.id = s.campaign_id join app_user u on u.id = s.started_by
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SegmentQueries queries;
    private final BusinessCalendar calendar;
    private final SegmentProperties settings;
    private final ExecutorService executor;
    private final Map<Long, Future<?>> runs = new ConcurrentHashMap<>();

    public SegmentSnapshots(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            SegmentQueries queries,
            BusinessCalendar calendar,
            SegmentProperties settings) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.queries = queries;
        this.calendar = calendar;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "segment-snapshot-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts adding the segment to the campaign and waits a moment ({@code snapshot-wait}) for it: a small segment is
     * done when this returns, a large one is still running and its progress is on the segment page.
     */
    public SegmentSnapshotView addToCampaign(long segmentId, long campaignId, CurrentUser user) {
        SegmentView segment = queries.get(segmentId, user);
        long id = start(segment, campaignId, user);
        submit(id);
        return awaitFinished(id, settings.snapshotWait());
    }

    /** Waits up to {@code timeout} for a run started in this process to end; returns its state either way. */
    public SegmentSnapshotView awaitFinished(long snapshotId, Duration timeout) {
        Future<?> run = runs.get(snapshotId);
        if (run != null) {
            try {
                run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: the caller shows the progress
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log.error("Snapshot {} failed", snapshotId, e.getCause());
            }
        }
        return view(snapshotId);
    }

    private void submit(long snapshotId) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                run(snapshotId);
            } finally {
                runs.remove(snapshotId);
            }
            return null;
        });
        runs.put(snapshotId, task);
        executor.execute(task);
    }

    public SegmentSnapshotView view(long snapshotId) {
        return jdbc.sql(SELECT + " where s.id = :id")
                .param("id", snapshotId)
                .query(SegmentSnapshots::view)
                .single();
    }

    private long start(SegmentView segment, long campaignId, CurrentUser user) {
        SegmentCampaign campaign = queries.campaign(campaignId, user);
        if (campaign == null) {
            throw SegmentNotFoundException.campaign(campaignId);
        }
        if (!"PLANNED".equals(campaign.status()) && !"ACTIVE".equals(campaign.status())) {
            throw new SegmentRuleException(
                    "segment.snapshot.campaignClosed", "Campaign " + campaignId + " takes no new members");
        }
        long total = queries.count(segment.criteria(), user);
        Long id = tx.execute(status -> {
            long snapshotId = jdbc.sql("select nextval('segment_snapshot_seq')")
                    .query(Long.class)
                    .single();
            try {
                jdbc.sql("""
                                insert into segment_snapshot (id, segment_id, campaign_id, status, criteria, as_of, total,
                                    max_customer_id, started_by, started_at)
                                values (:id, :segmentId, :campaignId, 'RUNNING', cast(:criteria as jsonb), :asOf, :total,
                                    (select coalesce(max(id), 0) from customer), :by, :at)""")
                        .param("id", snapshotId)
                        .param("segmentId", segment.id())
                        .param("campaignId", campaignId)
                        .param("criteria", SegmentCriteriaConverter.write(segment.criteria()))
                        .param("asOf", calendar.today())
                        .param("total", total)
                        .param("by", user.id())
                        .param("at", Timestamp.from(calendar.now()))
                        .update();
            } catch (DuplicateKeyException e) {
                throw new SegmentRuleException(
                        "segment.snapshot.running", "Segment " + segment.id() + " is being added to this campaign");
            }
            return snapshotId;
        });
        return java.util.Objects.requireNonNull(id);
    }

    /** Runs (or resumes) a snapshot to its end, one range of customer ids per transaction. */
    void run(long snapshotId) {
        try {
            while (Boolean.TRUE.equals(tx.execute(status -> batch(snapshotId)))) {
                // next range
            }
        } catch (RuntimeException e) {
            log.error("Snapshot {} failed", snapshotId, e);
            jdbc.sql("update segment_snapshot set status = 'FAILED', finished_at = now() where id = :id"
                            + " and status = 'RUNNING'")
                    .param("id", snapshotId)
                    .update();
        }
    }

    private record Run(
            long segmentId,
            long campaignId,
            String criteria,
            LocalDate asOf,
            long lastCustomerId,
            long maxCustomerId,
            long startedBy) {}

    /** One range; true while there is more to do. */
    private boolean batch(long snapshotId) {
        Run run = jdbc.sql("""
                        select segment_id, campaign_id, criteria::text as criteria, as_of, last_customer_id,
                               max_customer_id, started_by
                        from segment_snapshot where id = :id and status = 'RUNNING' for update""")
                .param("id", snapshotId)
                .query((rs, n) -> new Run(
                        rs.getLong("segment_id"),
                        rs.getLong("campaign_id"),
                        rs.getString("criteria"),
                        rs.getDate("as_of").toLocalDate(),
                        rs.getLong("last_customer_id"),
                        rs.getLong("max_customer_id"),
                        rs.getLong("started_by")))
                .optional()
                .orElse(null);
        if (run == null) {
            return false;
        }
        String campaignStatus = jdbc.sql("select status from campaign where id = :id for share")
                .param("id", run.campaignId())
                .query(String.class)
                .optional()
                .orElse("GONE");
        if (!"PLANNED".equals(campaignStatus) && !"ACTIVE".equals(campaignStatus)) {
            // the campaign closed while the run went on: stop here, keeping what was added
            jdbc.sql("update segment_snapshot set status = 'FAILED', finished_at = now() where id = :id")
                    .param("id", snapshotId)
                    .update();
            return false;
        }
        long upTo = Math.min(run.lastCustomerId() + Math.max(settings.snapshotBatchIds(), 1), run.maxCustomerId());
        SegmentSql sql = SegmentSql.of(SegmentCriteriaConverter.read(run.criteria()), run.asOf(), settings);
        // campaign_member_seq is Hibernate's pooled sequence (increment 50): a raw nextval value v is never among the
        // ids Hibernate hands out, which are the 49 below the values it fetched itself
        List<Long> counts = PagedSql.bind(
                        jdbc.sql("with candidates as (select c.id from " + sql.from() + sql.where()
                                + " and c.id > :fromId and c.id <= :toId),"
                                + " inserted as (insert into campaign_member (id, campaign_id, member_type, customer_id,"
                                + " segment_id, added_by, added_at)"
                                + " select nextval('campaign_member_seq'), :campaignId, 'CUSTOMER', id, :segmentId,"
                                + " :addedBy, now() from candidates"
                                + " on conflict (campaign_id, customer_id) where member_type = 'CUSTOMER' do nothing"
                                + " returning 1)"
                                + " select (select count(*) from candidates) as matched,"
                                + " (select count(*) from inserted) as added"),
                        sql.params())
                .param("fromId", run.lastCustomerId())
                .param("toId", upTo)
                .param("campaignId", run.campaignId())
                .param("segmentId", run.segmentId())
                .param("addedBy", run.startedBy())
                .query((rs, n) -> List.of(rs.getLong("matched"), rs.getLong("added")))
                .single();
        long matched = counts.get(0);
        long added = counts.get(1);
        boolean done = upTo >= run.maxCustomerId();
        jdbc.sql("""
                        update segment_snapshot set added = added + :added, already = already + :already,
                            last_customer_id = :upTo,
                            status = case when :done then 'DONE' else status end,
                            finished_at = case when :done then now() end
                        where id = :id""")
                .param("added", added)
                .param("already", matched - added)
                .param("upTo", upTo)
                .param("done", done)
                .param("id", snapshotId)
                .update();
        return !done;
    }

    /** Runs cut short by a restart carry on where they stopped. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        List<Long> running = jdbc.sql("select id from segment_snapshot where status = 'RUNNING' order by id")
                .query(Long.class)
                .list();
        running.forEach(this::submit);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    static SegmentSnapshotView view(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SegmentSnapshotView(
                rs.getLong("id"),
                rs.getLong("segment_id"),
                rs.getLong("campaign_id"),
                rs.getString("campaign_name"),
                SegmentSnapshotView.SnapshotStatus.valueOf(rs.getString("status")),
                rs.getLong("total"),
                rs.getLong("added"),
                rs.getLong("already"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}

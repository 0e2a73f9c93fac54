package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds likely duplicate customers, set-based, by blocking keys instead of comparing every pair: equal phone digits
 * (at least 7), equal e-mail, and names in the same region that share one of their rarest bigrams (prefix filtering
 * through the GIN index on {@code name_bigrams}, one id range at a time, so no statement joins all customers with all
 * customers). The name score is the Jaccard overlap of the names' character bigrams, which works for Chinese names
 * without word boundaries. Each phase is its own transaction; pairs not found again are dropped at the end,
 * dismissed pairs stay.
 */
@Component
public class DuplicateScan {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);

    /** Groups larger than this (a switchboard number, a shared mailbox) say nothing about duplicates. */
    private static final int MAX_GROUP = 50;

    private static final int BATCH = 5_000;

    private static final String UPSERT = """
            on conflict (low_id, high_id) do update set
                same_phone = customer_duplicate_candidate.same_phone and customer_duplicate_candidate.found_at = excluded.found_at
                             or excluded.same_phone,
                same_email = customer_duplicate_candidate.same_email and customer_duplicate_candidate.found_at = excluded.found_at
                             or excluded.same_email,
                name_score = case when customer_duplicate_candidate.found_at = excluded.found_at
                                  then coalesce(excluded.name_score, customer_duplicate_candidate.name_score)
                                  else excluded.name_score end,
                score = case when customer_duplicate_candidate.found_at = excluded.found_at
                             then greatest(excluded.score, customer_duplicate_candidate.score)
                             else excluded.score end,
                found_at = excluded.found_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BigDecimal threshold;
    private final int maxNameGroup;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "duplicate-scan");
        thread.setDaemon(true);
        return thread;
    });

    DuplicateScan(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            @Value("${crm.dataio.duplicates.name-similarity:0.7}") BigDecimal threshold,
            @Value("${crm.dataio.duplicates.max-name-group:200}") int maxNameGroup) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.threshold = threshold;
        this.maxNameGroup = maxNameGroup;
    }

    /** Starts a scan in the background unless one is running; true if this call started it. */
    public boolean start(@Nullable CurrentUser user) {
        boolean claimed = Boolean.TRUE.equals(tx.execute(s -> claim(user == null ? null : user.id())));
        if (claimed) {
            executor.submit(this::runClaimed);
        }
        return claimed;
    }

    /**
     * Runs a whole scan in the caller's thread (tests, and the nightly run); if one is running, waits for it to end
     * first (up to ten minutes), so the result reflects the data as it is now.
     */
    public void runNow() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (!Boolean.TRUE.equals(tx.execute(s -> claim(null)))) {
            if (System.nanoTime() > deadline) {
                log.warn("Duplicate scan skipped: another scan is still running");
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        runClaimed();
    }

    @Scheduled(cron = "${crm.dataio.duplicates.cron:0 15 2 * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    void nightly() {
        runNow();
    }

    public DuplicateScanStatus status() {
        return jdbc.sql(
                        "select status, phase, pairs_found, started_at, finished_at from customer_duplicate_scan where id = 1")
                .query((rs, n) -> new DuplicateScanStatus(
                        rs.getString("status"),
                        rs.getString("phase"),
                        rs.getInt("pairs_found"),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("finished_at"))))
                .single();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private boolean claim(@Nullable Long userId) {
        // a scan that died with the JVM more than a day ago does not block the next one for ever
        return jdbc.sql("""
                        update customer_duplicate_scan set status = 'RUNNING', phase = null, pairs_found = 0,
                               started_at = :now, finished_at = null, started_by = :by
                        where id = 1 and (status <> 'RUNNING' or started_at < cast(:now as timestamptz) - interval '1 day')""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("by", userId)
                        .update()
                == 1;
    }

    private void runClaimed() {
        Timestamp startedAt = jdbc.sql("select started_at from customer_duplicate_scan where id = 1")
                .query(Timestamp.class)
                .single();
        try {
            phase("PHONE");
            tx.executeWithoutResult(s -> samePhone(startedAt));
            phase("EMAIL");
            tx.executeWithoutResult(s -> sameEmail(startedAt));
            phase("NAME");
            tx.executeWithoutResult(s -> bigramFrequencies());
            long maxId = jdbc.sql("select coalesce(max(id), 0) from customer")
                    .query(Long.class)
                    .single();
            for (long from = 0; from <= maxId; from += BATCH) {
                long lo = from;
                tx.executeWithoutResult(s -> similarNames(startedAt, lo, lo + BATCH));
            }
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from customer_duplicate_candidate where not dismissed and found_at < :at")
                        .param("at", startedAt)
                        .update();
                finish("DONE");
            });
        } catch (RuntimeException e) {
            log.error("Duplicate scan failed", e);
            finish("FAILED");
        }
    }

    private void samePhone(Timestamp at) {
        jdbc.sql("""
                        insert into customer_duplicate_candidate (low_id, high_id, same_phone, score, found_at)
                        select a.id, b.id, true, 1, :at
                        from (select phone_digits from customer
                              where phone_digits is not null and char_length(phone_digits) >= 7 and not archived
                              group by phone_digits having count(*) between 2 and :maxGroup) g
                        join customer a on a.phone_digits = g.phone_digits and not a.archived
                        join customer b on b.phone_digits = g.phone_digits and not b.archived and b.id > a.id
                        """ + UPSERT).param("at", at).param("maxGroup", MAX_GROUP).update();
    }

    private void sameEmail(Timestamp at) {
        jdbc.sql("""
                        insert into customer_duplicate_candidate (low_id, high_id, same_email, score, found_at)
                        select a.id, b.id, true, 1, :at
                        from (select lower(email) as email from customer
                              where email is not null and not archived
                              group by lower(email) having count(*) between 2 and :maxGroup) g
                        join customer a on lower(a.email) = g.email and not a.archived
                        join customer b on lower(b.email) = g.email and not b.archived and b.id > a.id
                        """ + UPSERT).param("at", at).param("maxGroup", MAX_GROUP).update();
    }

    private void bigramFrequencies() {
        jdbc.sql("delete from customer_bigram_frequency").update();
        jdbc.sql("""
                        insert into customer_bigram_frequency (region, bigram, n)
                        select c.region, g.bigram, count(*)
                        from customer c cross join lateral unnest(c.name_bigrams) as g(bigram)
                        where not c.archived and c.region is not null
                        group by c.region, g.bigram""").update();
    }

    private void similarNames(Timestamp at, long fromId, long toId) {
        // each customer of the id range probes the index only with its rarest bigrams (see V25)
        jdbc.sql("""
                        insert into customer_duplicate_candidate (low_id, high_id, name_score, score, found_at)
                        select s.a_id, s.b_id, s.score, s.score, :at
                        from (
                            select p.a_id, p.b_id, round(
                                cardinality(array(select unnest(a.name_bigrams) intersect select unnest(b.name_bigrams)))::numeric
                                / cardinality(array(select unnest(a.name_bigrams) union select unnest(b.name_bigrams))), 3) as score
                            from (
                                select distinct a.id as a_id, b.id as b_id
                                from customer a
                                cross join lateral (
                                    select r.bigram from (
                                        select f.bigram, f.n from unnest(a.name_bigrams) as g(bigram)
                                        join customer_bigram_frequency f on f.region = a.region and f.bigram = g.bigram
                                        order by f.n, f.bigram
                                        limit cardinality(a.name_bigrams) - ceil(:threshold * cardinality(a.name_bigrams))::int + 1) r
                                    -- a distinguishing bigram shared by more customers than this in the region is a
                                    -- common name (林伟), not evidence, as a switchboard number is no evidence
                                    where r.n <= :maxNameGroup) k
                                join customer b on b.name_bigrams @> array[k.bigram] and b.region = a.region
                                               and b.id > a.id and not b.archived
                                where a.id >= :fromId and a.id < :toId and not a.archived and a.region is not null
                                  and cardinality(a.name_bigrams) > 0) p
                            join customer a on a.id = p.a_id
                            join customer b on b.id = p.b_id) s
                        where s.score >= :threshold
                        """ + UPSERT)
                .param("at", at)
                .param("fromId", fromId)
                .param("toId", toId)
                .param("threshold", threshold)
                .param("maxNameGroup", maxNameGroup)
                .update();
    }

    private void phase(String phase) {
        jdbc.sql("""
                        update customer_duplicate_scan set phase = :phase,
                               pairs_found = (select count(*) from customer_duplicate_candidate where not dismissed)
                        where id = 1""").param("phase", phase).update();
    }

    private void finish(String status) {
        jdbc.sql("""
                        update customer_duplicate_scan set status = :status, phase = null, finished_at = :now,
                               pairs_found = (select count(*) from customer_duplicate_candidate where not dismissed)
                        where id = 1""")
                .param("status", status)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

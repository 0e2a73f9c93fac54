package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
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
 * Finds likely duplicate customers, set-based, by blocking keys instead of comparing every pair. Phones and e-mails:
 * equal phone digits (at least 7) and equal e-mail make pairs. Names: each live customer's name is normalised once
 * ({@code kehu_duplicate_name}: no legal form, spaces or punctuation); identical names in one region and kind form ONE
 * cluster (enterprises by the name alone, individuals only with a second signal: the same birthday, address or a
 * not-common e-mail domain), and clusters larger than {@code max-cluster} are noted, not presented. Similar names are
 * compared between distinct names (prefix filtering through a GIN index, one range of names at a time), and each
 * customer keeps only its best few candidates. Each step is its own transaction and reports its progress.
 */
@Component
public class DuplicateScan {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);

    /** Groups larger than this (a switchboard number, a shared mailbox) say nothing about duplicates. */
    private static final int MAX_GROUP = 50;

    private static final int BATCH = 2_000;

    /** A personal name alone is no evidence; one of these must match too (see V31). */
    private static final String SECOND_SIGNAL =
            "(a.birthday = b.birthday or a.address_key = b.address_key" + " or a.email_domain = b.email_domain)";

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
    private final int maxCluster;
    private final int bestCandidates;
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
            @Value("${crm.dataio.duplicates.max-name-group:200}") int maxNameGroup,
            @Value("${crm.dataio.duplicates.max-cluster:50}") int maxCluster,
            @Value("${crm.dataio.duplicates.best-candidates:3}") int bestCandidates) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.threshold = threshold;
        this.maxNameGroup = maxNameGroup;
        this.maxCluster = maxCluster;
        this.bestCandidates = bestCandidates;
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
        return jdbc.sql("""
                        select status, phase, pairs_found, clusters_found, progress_done, progress_total, started_at,
                               finished_at
                        from customer_duplicate_scan where id = 1""")
                .query((rs, n) -> new DuplicateScanStatus(
                        rs.getString("status"),
                        rs.getString("phase"),
                        rs.getInt("pairs_found"),
                        rs.getInt("clusters_found"),
                        rs.getLong("progress_done"),
                        rs.getLong("progress_total"),
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
                               clusters_found = 0, progress_done = 0, progress_total = 0, started_at = :now, finished_at = null, started_by = :by
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
            phase("KEYS", 0);
            tx.executeWithoutResult(s -> keys());
            phase("PHONE", 0);
            tx.executeWithoutResult(s -> samePhone(startedAt));
            phase("EMAIL", 0);
            tx.executeWithoutResult(s -> sameEmail(startedAt));
            phase("CLUSTERS", 0);
            tx.executeWithoutResult(s -> clusters(startedAt));
            int names = Objects.requireNonNull(tx.execute(s -> names()));
            phase("NAME", names);
            for (int from = 1; from <= names; from += BATCH) {
                int lo = from;
                tx.executeWithoutResult(s -> similarNames(lo, lo + BATCH));
                progress(Math.min(lo + BATCH - 1, names));
            }
            phase("CANDIDATES", names);
            for (int from = 1; from <= names; from += BATCH) {
                int lo = from;
                tx.executeWithoutResult(s -> bestCandidates(startedAt, lo, lo + BATCH));
                progress(Math.min(lo + BATCH - 1, names));
            }
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from customer_duplicate_candidate where not dismissed and found_at < :at")
                        .param("at", startedAt)
                        .update();
                jdbc.sql("delete from customer_duplicate_cluster where not dismissed and found_at < :at")
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

    /** Every live customer's comparison keys, computed once per scan (one pass over the customer table). */
    private void keys() {
        jdbc.sql("truncate customer_duplicate_key").update();
        // an e-mail domain that more customers share than a cluster may have (qq.com, 163.com) is no signal
        jdbc.sql("""
                        insert into customer_duplicate_key (id, region, kind, name_key, name, birthday, address_key,
                                                            email_domain)
                        select id, region, kind, name_key, name, birthday, address_key,
                               case when email_domain is not null
                                         and count(*) over (partition by email_domain) <= :maxCluster
                                    then email_domain end
                        from (select c.id, c.region, c.kind, kehu_duplicate_name(c.name, c.kind) as name_key, c.name,
                                     case when c.kind = 'INDIVIDUAL'
                                          then nullif(c.profile ->> 'basic.birthday', '') end as birthday,
                                     case when c.kind = 'INDIVIDUAL'
                                          then nullif(regexp_replace(lower(c.address), '[[:space:][:punct:]]', '', 'g'), '')
                                          end as address_key,
                                     case when c.kind = 'INDIVIDUAL'
                                          then nullif(lower(split_part(c.email, '@', 2)), '') end as email_domain
                              from customer c
                              where not c.archived and c.region is not null) k""").param("maxCluster", maxCluster).update();
        jdbc.sql("analyze customer_duplicate_key").update();
    }

    /**
     * Identical names become clusters, one row per group: enterprises by region and name, individuals by region, name
     * and a second signal. Plain personal-name groups are stored only when oversized, as a note.
     */
    private void clusters(Timestamp at) {
        String group = """
                        select %s as match_key, '%s' as reason, region, kind, min(name) as name,
                               array_agg(id order by id) as ids, count(*) as size
                        from customer_duplicate_key
                        where %s
                        group by region, kind, name_key%s
                        having count(*) %s""";
        String sql = "insert into customer_duplicate_cluster (id, match_key, reason, region, kind, name, member_ids,"
                + " size, oversized, found_at)\n"
                + "select nextval('customer_duplicate_cluster_seq'), g.match_key, g.reason, g.region, g.kind, g.name,"
                + " g.ids, g.size, g.size > :maxCluster, :at from (\n"
                + String.join(
                        "\nunion all\n",
                        group.formatted(
                                "'NAME|' || region || '|' || kind || '|' || name_key",
                                "NAME",
                                "kind = 'ENTERPRISE'",
                                "",
                                ">= 2"),
                        group.formatted(
                                "'NAME|' || region || '|' || kind || '|' || name_key",
                                "NAME",
                                "kind <> 'ENTERPRISE'",
                                "",
                                "> :maxCluster"),
                        signal("NAME_BIRTHDAY", "birthday", group),
                        signal("NAME_ADDRESS", "address_key", group),
                        signal("NAME_EMAIL_DOMAIN", "email_domain", group))
                + ") g\n"
                + """
                        on conflict (match_key) do update set
                            name = excluded.name, member_ids = excluded.member_ids, size = excluded.size,
                            oversized = excluded.oversized, found_at = excluded.found_at,
                            -- a dismissed cluster comes back only when someone new has joined it
                            dismissed = customer_duplicate_cluster.dismissed
                                        and excluded.member_ids <@ customer_duplicate_cluster.dismissed_members""";
        jdbc.sql(sql).param("at", at).param("maxCluster", maxCluster).update();
    }

    private static String signal(String reason, String column, String group) {
        // column and reason are constants of this class, never input
        return group.formatted(
                "'" + reason + "|' || region || '|' || kind || '|' || name_key || '|' || " + column,
                reason,
                "kind <> 'ENTERPRISE' and " + column + " is not null",
                ", " + column,
                ">= 2");
    }

    /**
     * The distinct names of each region and kind with their bigrams; names shared by more customers than a cluster
     * may have are common names and take no part in the similarity search. Returns how many there are.
     */
    private int names() {
        jdbc.sql("truncate customer_duplicate_name, customer_duplicate_name_pair, customer_bigram_frequency")
                .update();
        // each bigram carries its region and kind (EAST/ENTERPRISE/华光), so an index probe only finds names that may
        // be compared, and the frequencies count per region and kind; overlaps within a region are unchanged
        jdbc.sql("""
                        insert into customer_duplicate_name (name_id, region, kind, name_key, bigrams, members)
                        select row_number() over (order by region, kind, name_key), region, kind, name_key,
                               array(select region || '/' || kind || '/' || g from unnest(kehu_bigrams(name_key)) as g),
                               count(*)
                        from customer_duplicate_key
                        group by region, kind, name_key
                        having count(*) <= :maxCluster and cardinality(kehu_bigrams(name_key)) > 0""").param("maxCluster", maxCluster).update();
        jdbc.sql("""
                        insert into customer_bigram_frequency (region, bigram, n)
                        select n.region, g.bigram, count(*)
                        from customer_duplicate_name n cross join lateral unnest(n.bigrams) as g(bigram)
                        group by n.region, g.bigram""").update();
        jdbc.sql("analyze customer_duplicate_name").update();
        jdbc.sql("analyze customer_bigram_frequency").update();
        return jdbc.sql("select count(*) from customer_duplicate_name")
                .query(Integer.class)
                .single();
    }

    private void similarNames(int fromId, int toId) {
        // each name of the range probes the index only with its rarest bigrams (see V25), and only names of a length
        // that can reach the threshold (|B| between t|A| and |A|/t) are scored; the overlap is one count per pair
        jdbc.sql("""
                        insert into customer_duplicate_name_pair (a_name, b_name, score)
                        select s.a_id, s.b_id, s.score
                        from (
                            select o.a_id, o.b_id,
                                   round(o.common::numeric / (o.a_size + o.b_size - o.common), 3) as score
                            from (
                                select p.a_id, p.b_id, cardinality(a.bigrams) as a_size,
                                       cardinality(b.bigrams) as b_size,
                                       (select count(*) from unnest(a.bigrams) as x(bigram)
                                        where x.bigram = any(b.bigrams)) as common
                                from (
                                    select distinct a.name_id as a_id, b.name_id as b_id
                                    from customer_duplicate_name a
                                    cross join lateral (
                                        select r.bigram from (
                                            select f.bigram, f.n from unnest(a.bigrams) as g(bigram)
                                            join customer_bigram_frequency f
                                                 on f.region = a.region and f.bigram = g.bigram
                                            order by f.n, f.bigram
                                            limit cardinality(a.bigrams) - ceil(:threshold * cardinality(a.bigrams))::int
                                                  + 1) r
                                        -- a distinguishing bigram shared by more names than this in the region is
                                        -- common (林伟), not evidence, as a switchboard number is no evidence
                                        where r.n <= :maxNameGroup) k
                                    join customer_duplicate_name b
                                         on b.bigrams @> array[k.bigram] and b.region = a.region and b.kind = a.kind
                                        and b.name_id > a.name_id
                                        and cardinality(b.bigrams) between floor(:slack * cardinality(a.bigrams))
                                                                       and ceil(cardinality(a.bigrams) / :slack)
                                    where a.name_id >= :fromId and a.name_id < :toId) p
                                join customer_duplicate_name a on a.name_id = p.a_id
                                join customer_duplicate_name b on b.name_id = p.b_id) o) s
                        where s.score >= :threshold""")
                .param("fromId", fromId)
                .param("toId", toId)
                .param("threshold", threshold)
                // a little below the threshold, as scores are rounded to three places
                .param("slack", threshold.subtract(new BigDecimal("0.001")))
                .param("maxNameGroup", maxNameGroup)
                .update();
    }

    /**
     * The customers of a range of names with similar names: each keeps its best few (highest score, then lowest id),
     * so a name shared by 40 customers similar to another shared by 40 does not make 1,600 pairs.
     */
    private void bestCandidates(Timestamp at, int fromId, int toId) {
        jdbc.sql("""
                        insert into customer_duplicate_candidate (low_id, high_id, name_score, score, found_at)
                        select distinct on (least(c.a_id, c.b_id), greatest(c.a_id, c.b_id))
                               least(c.a_id, c.b_id), greatest(c.a_id, c.b_id), c.score, c.score, :at
                        from (
                            select a.id as a_id, b.id as b_id, p.score,
                                   row_number() over (partition by a.id order by p.score desc, b.id) as rank
                            from (select a_name as x, b_name as y, score from customer_duplicate_name_pair
                                  where a_name >= :fromId and a_name < :toId
                                  union all
                                  select b_name, a_name, score from customer_duplicate_name_pair
                                  where b_name >= :fromId and b_name < :toId) p
                            join customer_duplicate_name nx on nx.name_id = p.x
                            join customer_duplicate_name ny on ny.name_id = p.y
                            join customer_duplicate_key a
                                 on a.region = nx.region and a.kind = nx.kind and a.name_key = nx.name_key
                            join customer_duplicate_key b
                                 on b.region = ny.region and b.kind = ny.kind and b.name_key = ny.name_key
                            where a.kind = 'ENTERPRISE' or""" + " " + SECOND_SIGNAL + """
                        ) c
                        where c.rank <= :best
                        order by least(c.a_id, c.b_id), greatest(c.a_id, c.b_id), c.score desc
                        """ + UPSERT)
                .param("at", at)
                .param("fromId", fromId)
                .param("toId", toId)
                .param("best", bestCandidates)
                .update();
    }

    private void phase(String phase, long total) {
        jdbc.sql("""
                        update customer_duplicate_scan set phase = :phase, progress_done = 0, progress_total = :total,
                               pairs_found = (select count(*) from customer_duplicate_candidate where not dismissed),
                               clusters_found = (select count(*) from customer_duplicate_cluster
                                                 where not dismissed and not oversized and found_at >= started_at)
                        where id = 1""").param("phase", phase).param("total", total).update();
    }

    private void progress(long done) {
        jdbc.sql("update customer_duplicate_scan set progress_done = :done where id = 1")
                .param("done", done)
                .update();
    }

    private void finish(String status) {
        jdbc.sql("""
                        update customer_duplicate_scan set status = :status, phase = null, finished_at = :now,
                               pairs_found = (select count(*) from customer_duplicate_candidate where not dismissed),
                               clusters_found = (select count(*) from customer_duplicate_cluster
                                                 where not dismissed and not oversized)
                        where id = 1""")
                .param("status", status)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

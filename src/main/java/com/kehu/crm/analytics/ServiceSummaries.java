package com.kehu.crm.analytics;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Part of the refresh: the survey and ticket summaries (V39) that {@link SatisfactionReport} and {@link SupportReport}
 * read, built into work tables {@code <table>_<refresh id>} before the swap (each by a create-as-select, which may
 * scan in parallel) and copied in inside the swap's transaction, like {@link MetricsSummaries}. Rows are per day (the
 * reports take any period of days) and per owner of the customer (a scope's figures are sums over its owners' rows),
 * so every mean, share, index and SLA rate of the reports is recomputed exactly from counts and sums; the value tier of
 * an answer is that of the new metrics table, and "now" for the SLA of open tickets is the refresh's time.
 *
 * <p>Medians are not additive: the summaries keep, per day, owner, assignee and kind, a histogram of the hours in
 * buckets 1 minute wide below 2 hours, 10 minutes below 48 hours and 1 hour beyond, each bucket with its ticket count
 * and its smallest and largest hours. {@link #median} computes {@code percentile_cont(0.5)} over it: a value that is a
 * bucket's first or last (or in a bucket whose values are equal) is exact, any other stands for the middle of its
 * bucket's smallest and largest, so the median is exact when the values of each bucket are equal (whole hours, say)
 * and otherwise off by less than half a bucket (30 seconds, 5 minutes or 30 minutes).
 *
 * <p>Table names come from the refresh (constants and ids), never from input.
 */
@Component
class ServiceSummaries {

    /** The summary tables; each refresh builds {@code <name>_<refresh id>} and copies it in at the swap. */
    static final List<String> TABLES = List.of(
            "analytics_survey_day",
            "analytics_survey_rating_day",
            "analytics_ticket_day",
            "analytics_ticket_duration_day",
            "analytics_complaint_day");

    /**
     * Each answer once per dimension and group it counts in, with its day, its customer's owner and the values the
     * measures read; but the value tier, which {@link #buildTiers} adds from the new metrics.
     */
    private static final String KEYED_ANSWERS = """
            with answers as (
                select r.id, r.ticket_id, r.customer_id, r.created_at::date as day, c.owner_id, r.overall,
                       r.expectation, r.performance, r.repurchase_intent, r.recommend
                from analytics_survey_v r
                join customer c on c.id = r.customer_id
            )
            select 'ALL' as dimension, '' as group_key, a.* from answers a
            union all
            select 'AGENT', coalesce(t.assignee_id::text, ''), a.*
            from answers a join analytics_ticket_v t on t.id = a.ticket_id
            union all
            select 'CATEGORY', tc.code, a.*
            from answers a
            join analytics_ticket_v t on t.id = a.ticket_id
            join analytics_ticket_category_v tc on tc.id = t.category_id
            union all
            select 'PRODUCT_CATEGORY', pc.category_code, a.*
            from answers a join analytics_survey_product_category_v pc on pc.response_id = a.id""";

    /** The counts and sums of every satisfaction measure per dimension, day, owner and group, from {@code %1$s}. */
    private static final String SURVEY_DAY = """
            select dimension, day, owner_id, group_key, count(*)::integer as responses,
                   count(overall)::integer as overall_n,
                   coalesce(sum(overall), 0)::integer as overall_sum,
                   count(performance - expectation)::integer as gap_n,
                   coalesce(sum(performance - expectation), 0)::integer as gap_sum,
                   count(repurchase_intent)::integer as repurchase_n,
                   coalesce(sum(repurchase_intent), 0)::integer as repurchase_sum,
                   count(*) filter (where overall = 5)::integer as top_box,
                   count(*) filter (where repurchase_intent >= 4)::integer as repurchase_high,
                   count(*) filter (where recommend >= 9)::integer as promoters,
                   count(*) filter (where recommend <= 6)::integer as detractors
            from %1$s k
            group by dimension, day, owner_id, group_key""";

    /** The attribute ratings per dimension, day, owner, group and attribute, of the answers in {@code %1$s}. */
    private static final String SURVEY_RATING_DAY = """
            select k.dimension, k.day, k.owner_id, k.group_key, sr.attribute_code,
                   count(*)::integer as ratings, sum(sr.score)::integer as score_sum
            from %1$s k
            join analytics_survey_rating_v sr on sr.response_id = k.id
            group by k.dimension, k.day, k.owner_id, k.group_key, sr.attribute_code""";

    /**
     * Each ticket with its day, its customer's owner, its hours to the first response and to the resolution (null: not
     * yet) and its SLA judgements as the live report made them: 1 met by the due time, 0 missed (after it, or still
     * open past it), null not judged (open and not yet due; "now" is the refresh's).
     */
    private static final String TICKET_HOURS = """
            select t.created_at::date as day, c.owner_id, t.assignee_id, t.type, t.category_id,
                   extract(epoch from t.first_responded_at - t.created_at) / 3600 as response_h,
                   extract(epoch from t.resolved_at - t.created_at) / 3600 as resolution_h,
                   case when t.first_responded_at <= t.first_response_due_at then 1
                        when t.first_responded_at is null and now() <= t.first_response_due_at then null
                        else 0 end as response_met,
                   case when t.resolved_at <= t.resolution_due_at then 1
                        when t.resolved_at is null and now() <= t.resolution_due_at then null
                        else 0 end as resolution_met
            from analytics_ticket_v t
            join customer c on c.id = t.customer_id""";

    private final JdbcClient jdbc;

    ServiceSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates and fills the work tables of refresh {@code id}; {@code metrics} is the refresh's new metrics table. The
     * answers (keyed by dimension and group) and the tickets (with their owner and hours) are read once each into an
     * intermediate work table, which the summaries aggregate (reading the answers and the customers once instead of
     * once per summary halves the time: about 5 s instead of 9 s at 1M customers, 300,000 tickets and 200,000 answers).
     */
    void build(long id) {
        jdbc.sql("create unlogged table analytics_survey_keyed_" + id + " as " + KEYED_ANSWERS)
                .update();
        jdbc.sql("analyze analytics_survey_keyed_" + id).update();
        jdbc.sql("create unlogged table analytics_survey_day_" + id + " as "
                        + SURVEY_DAY.formatted("analytics_survey_keyed_" + id))
                .update();
        jdbc.sql("create unlogged table analytics_survey_rating_day_" + id + " as "
                        + SURVEY_RATING_DAY.formatted("analytics_survey_keyed_" + id))
                .update();
        jdbc.sql("create unlogged table analytics_ticket_hours_" + id + " as " + TICKET_HOURS)
                .update();
        jdbc.sql("analyze analytics_ticket_hours_" + id).update();
        jdbc.sql("""
                        create unlogged table analytics_ticket_day_%1$d as
                        select day, owner_id, assignee_id, count(*)::integer as tickets,
                               count(response_h)::integer as response_n,
                               coalesce(sum(response_h), 0) as response_hours,
                               count(resolution_h)::integer as resolution_n,
                               coalesce(sum(resolution_h), 0) as resolution_hours,
                               count(*) filter (where response_met = 1)::integer as response_sla_met,
                               count(response_met)::integer as response_sla_judged,
                               count(*) filter (where resolution_met = 1)::integer as resolution_sla_met,
                               count(resolution_met)::integer as resolution_sla_judged
                        from analytics_ticket_hours_%1$d
                        group by day, owner_id, assignee_id""".formatted(id)).update();
        jdbc.sql("""
                        create unlogged table analytics_ticket_duration_day_%1$d as
                        select d.kind, t.day, t.owner_id, t.assignee_id,
                               (case when d.hours < 2 then floor(d.hours * 60)
                                     when d.hours < 48 then 120 + floor((d.hours - 2) * 6)
                                     else 396 + floor(d.hours - 48) end)::integer as bucket,
                               count(*)::integer as tickets, min(d.hours) as hours_min, max(d.hours) as hours_max
                        from analytics_ticket_hours_%1$d t
                        cross join lateral (values ('RESPONSE', t.response_h), ('RESOLUTION', t.resolution_h))
                            d(kind, hours)
                        where d.hours is not null
                        group by 1, 2, 3, 4, 5""".formatted(id)).update();
        jdbc.sql("""
                        create unlogged table analytics_complaint_day_%1$d as
                        select t.day, t.owner_id, tc.code as category_code, count(*)::integer as complaints
                        from analytics_ticket_hours_%1$d t
                        join analytics_ticket_category_v tc on tc.id = t.category_id
                        where t.type = 'COMPLAINT'
                        group by 1, 2, 3""".formatted(id)).update();
        jdbc.sql("drop table analytics_ticket_hours_" + id).update();
    }

    /**
     * Adds the value tier dimension to the work tables of refresh {@code id} (after {@link #build}): each answer by the
     * tier of its customer in {@code metrics}, the refresh's new metrics table ({@code NONE} without a row).
     */
    void buildTiers(long id, String metrics) {
        String tiered = """
                (select 'TIER' as dimension, coalesce(m.value_tier, 'NONE') as group_key, k.id, k.day, k.owner_id,
                        k.overall, k.expectation, k.performance, k.repurchase_intent, k.recommend
                 from analytics_survey_keyed_%1$d k
                 left join %2$s m on m.customer_id = k.customer_id
                 where k.dimension = 'ALL')""".formatted(id, metrics);
        jdbc.sql("insert into analytics_survey_day_" + id + " " + SURVEY_DAY.formatted(tiered))
                .update();
        jdbc.sql("insert into analytics_survey_rating_day_" + id + " " + SURVEY_RATING_DAY.formatted(tiered))
                .update();
        jdbc.sql("drop table analytics_survey_keyed_" + id).update();
    }

    /** Replaces the summaries by those of refresh {@code id}: call inside the swap's transaction. */
    void install(long id) {
        SummaryTables.install(jdbc, TABLES, id);
    }

    void drop(long id) {
        SummaryTables.drop(jdbc, TABLES, id);
        jdbc.sql("drop table if exists analytics_survey_keyed_" + id).update();
        jdbc.sql("drop table if exists analytics_ticket_hours_" + id).update();
    }

    /** A bucket of the duration histogram: how many tickets, and their smallest and largest hours. */
    record Bucket(long tickets, double min, double max) {}

    /**
     * The median as {@code percentile_cont(0.5)} computes it (the mean of the two middle values for an even count) over
     * the values the buckets stand for, given in order; null without any value. Within a bucket the first value is its
     * smallest, the last its largest, and the others stand for the middle of the two.
     */
    static @Nullable Double median(List<Bucket> buckets) {
        long count = buckets.stream().mapToLong(Bucket::tickets).sum();
        if (count == 0) {
            return null;
        }
        double position = 0.5 * (count - 1);
        long below = (long) Math.floor(position);
        long above = (long) Math.ceil(position);
        double first = value(buckets, below);
        if (above == below) {
            return first;
        }
        // percentile_cont's interpolation, in the same order of operations
        return first + (value(buckets, above) - first) * (position - below);
    }

    /** The value standing for the {@code index}-th (from 0) of the buckets' values. */
    private static double value(List<Bucket> buckets, long index) {
        long start = 0;
        for (Bucket bucket : buckets) {
            if (index < start + bucket.tickets()) {
                long within = index - start;
                if (within == 0) {
                    return bucket.min();
                }
                if (within == bucket.tickets() - 1) {
                    return bucket.max();
                }
                return (bucket.min() + bucket.max()) / 2;
            }
            start += bucket.tickets();
        }
        throw new IllegalArgumentException("no value " + index + " in " + start + " values");
    }
}

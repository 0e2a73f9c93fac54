package com.kehu.crm.analytics;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Part of the refresh: the funnel's daily summaries (V38), built from the deals and their stage history into work
 * tables before the swap and put in place inside the swap's transaction (a few rows per day and owner), like {@link
 * MetricsSummaries}:
 *
 * <ul>
 *   <li>analytics_stage_entry_day: stage entries per day of the change, owner of the deal and stage;
 *   <li>analytics_funnel_day: per day and owner, the deals created (with how deep each had got by the refresh) and
 *       the deals closed (won, lost, the summed days from creation to the wins);
 *   <li>analytics_open_deal_day: the open deals per expected close day, owner and currency (count, amount, weighted
 *       amount), for the weighted pipeline and the forecast.
 * </ul>
 *
 * A period's funnel is then a sum over at most (days × owners) rows, exact for any period of whole days and any set
 * of owners; it is as of the refresh (a deal moved since counts where it stood then). The same holds for the pipeline
 * and the forecast: summing the half million open deals of the benchmark on each request took 190-580 ms. Table names come from the
 * refresh (constants and ids), never from input.
 */
@Component
class FunnelSummaries {

    static final List<String> TABLES =
            List.of("analytics_stage_entry_day", "analytics_funnel_day", "analytics_open_deal_day");

    private final JdbcClient jdbc;

    FunnelSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fills the work tables of refresh {@code id}, each created by its statement (a create-as-select may scan in
     * parallel, an insert may not).
     */
    void build(long id) {
        jdbc.sql("create unlogged table analytics_stage_entry_day_" + id + """
                         as
                        select s.changed_at::date as day, o.owner_id, s.to_stage as stage, count(*)::integer as entries
                        from analytics_stage_change_v s
                        join analytics_opportunity_v o on o.id = s.opportunity_id
                        group by 1, 2, 3""").update();
        // each deal counts on its creation day (cohort) and, once closed, on its closing day
        jdbc.sql("create unlogged table analytics_funnel_day_" + id + """
                         as
                        with depth as (
                            select s.opportunity_id,
                                   max(case s.to_stage when 'PROSPECTING' then 1 when 'QUALIFICATION' then 2
                                       when 'PROPOSAL' then 3 when 'NEGOTIATION' then 4 when 'WON' then 5
                                       else 0 end) as depth
                            from analytics_stage_change_v s
                            group by s.opportunity_id
                        ), per_day as (
                            select o.created_at::date as day, o.owner_id, count(*) as created,
                                   count(*) filter (where d.depth >= 1) as r1, count(*) filter (where d.depth >= 2) as r2,
                                   count(*) filter (where d.depth >= 3) as r3, count(*) filter (where d.depth >= 4) as r4,
                                   count(*) filter (where d.depth >= 5) as r5,
                                   0 as won, 0 as lost, 0 as cycle
                            from analytics_opportunity_v o
                            left join depth d on d.opportunity_id = o.id
                            group by 1, 2
                            union all
                            select o.closed_on, o.owner_id, 0, 0, 0, 0, 0, 0,
                                   count(*) filter (where o.stage = 'WON'), count(*) filter (where o.stage = 'LOST'),
                                   coalesce(sum(o.closed_on - o.created_at::date) filter (where o.stage = 'WON'), 0)
                            from analytics_opportunity_v o
                            where o.closed_on is not null
                            group by 1, 2
                        )
                        select day, owner_id, sum(created)::integer as created,
                               sum(r1)::integer as reached_prospecting, sum(r2)::integer as reached_qualification,
                               sum(r3)::integer as reached_proposal, sum(r4)::integer as reached_negotiation,
                               sum(r5)::integer as reached_won, sum(won)::integer as won, sum(lost)::integer as lost,
                               sum(cycle)::bigint as won_cycle_days
                        from per_day
                        group by day, owner_id""").update();
        jdbc.sql("create unlogged table analytics_open_deal_day_" + id + """
                         as
                        select o.expected_close_date, o.owner_id, o.currency, count(*)::integer as deals,
                               sum(o.amount)::numeric(19,2) as amount, sum(o.amount * o.probability / 100.0) as weighted
                        from analytics_opportunity_v o
                        where o.closed_on is null
                          and o.stage in ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION')
                        group by 1, 2, 3""").update();
    }

    /** Replaces the summaries by those of refresh {@code id}: call inside the swap's transaction. */
    void install(long id) {
        SummaryTables.install(jdbc, TABLES, id);
    }

    void drop(long id) {
        SummaryTables.drop(jdbc, TABLES, id);
    }
}

package com.kehu.crm.analytics;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Part of the refresh: the summaries the reports read (V34), computed from the new metrics table and the orders into
 * work tables before the swap, and put in place inside the swap's transaction (a few thousand rows), so readers see the
 * metrics and the summaries of one refresh.
 *
 * <ul>
 *   <li>analytics_owner_summary and analytics_owner_class: per owner, the counts and sums of every class the reports
 *       show; a scope's answer is the sum over its owners' rows (additive, so exact for any set of owners);
 *   <li>analytics_pareto: the Pareto figures (not additive) for everyone, each team and each owner, computed with
 *       window functions exactly as the live report computes them for such a scope;
 *   <li>analytics_daily_sales: completed orders, revenue and margin per day and owner of the customer.
 * </ul>
 *
 * Table names come from the refresh (constants and ids), never from input.
 */
@Component
class MetricsSummaries {

    /** The summary tables; each refresh builds {@code <name>_<refresh id>} and copies it in at the swap. */
    static final List<String> TABLES =
            List.of("analytics_owner_summary", "analytics_owner_class", "analytics_pareto", "analytics_daily_sales");

    private final JdbcClient jdbc;

    MetricsSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the (empty) work tables of refresh {@code id}, but the daily sales' ({@link #dailySales}). */
    void create(long id) {
        for (String table : TABLES.subList(0, 3)) {
            jdbc.sql("create unlogged table " + table + "_" + id + " (like " + table + ")")
                    .update();
        }
    }

    /**
     * Completed orders per day and owner into the daily sales work table of refresh {@code id}, created by the
     * statement itself (unlike an insert, a create-as-select may scan the orders with parallel workers); returns how
     * many rows.
     */
    int dailySales(long id) {
        return jdbc.sql("create unlogged table analytics_daily_sales_" + id + """
                         as
                        select order_date as day, owner_id, count(*)::integer as orders,
                               sum(total_amount)::numeric(19,2) as revenue, sum(margin)::numeric(19,2) as margin
                        from analytics_purchase_owner_v
                        group by order_date, owner_id""")
                .update();
    }

    /** The per-owner summaries and the Pareto figures of the metrics table {@code metrics}. */
    void fromMetrics(long id, String metrics, BigDecimal vipShare) {
        jdbc.sql("insert into analytics_owner_summary_" + id + " " + """
                        select owner_id, team_id, count(*),
                               count(*) filter (where purchase_days > 0),
                               count(*) filter (where churned),
                               count(*) filter (where at_risk),
                               count(*) filter (where purchase_days_prev_12m > 0),
                               count(*) filter (where purchase_days_prev_12m > 0 and purchase_days_12m = 0),
                               count(*) filter (where purchase_days_12m > 0),
                               count(*) filter (where purchase_days_12m > 0 and profit_12m <= 0)
                        from""" + " " + metrics
                        + " group by owner_id, team_id")
                .update();
        // one pass, one hash table per dimension
        jdbc.sql("insert into analytics_owner_class_" + id + """
                         (owner_id, dimension, class, customers, revenue_12m, profit_12m, revenue_total)
                        select owner_id,
                               case when grouping(value_tier) = 0 then 'VALUE_TIER'
                                    when grouping(rfm_segment) = 0 then 'RFM_SEGMENT'
                                    when grouping(r_score) = 0 then 'RFM_GRID'
                                    when grouping(loyalty) = 0 then 'LOYALTY'
                                    when grouping(lifecycle_stage) = 0 then 'LIFECYCLE'
                                    else 'CLV_TIER' end,
                               coalesce(value_tier, rfm_segment, r_score || '-' || f_score, loyalty, lifecycle_stage,
                                        clv_tier),
                               count(*), sum(revenue_12m), sum(profit_12m), sum(revenue_total)
                        from""" + " " + metrics + """

                        group by owner_id, grouping sets (value_tier, rfm_segment, (r_score, f_score), loyalty,
                                                          lifecycle_stage, clv_tier)
                        having coalesce(value_tier, rfm_segment, r_score || '-' || f_score, loyalty, lifecycle_stage,
                                        clv_tier) is not null""")
                .update();
        // the live report's ranking (profit desc, customer id) is the profit rank: everyone's top k are the ranks up to
        // k, a team's or an owner's the first k of the scope in rank order
        jdbc.sql("insert into analytics_pareto_" + id + """
                         (scope_kind, scope_id, top_share, profit_share_of_top, revenue_share_of_top)
                        with positions as materialized (
                            select owner_id, team_id, greatest(profit_12m, 0) as profit, revenue_12m, profit_rank,
                                   count(*) over () as all_size,
                                   row_number() over (partition by owner_id order by profit_rank) as owner_position,
                                   count(*) over (partition by owner_id) as owner_size,
                                   row_number() over (partition by team_id order by profit_rank) as team_position,
                                   count(*) over (partition by team_id) as team_size
                            from""" + " " + metrics + """

                        )
                        select 'ALL', 0, :top,
                               sum(profit) filter (where profit_rank <= ceil(:top * all_size)) / nullif(sum(profit), 0),
                               sum(revenue_12m) filter (where profit_rank <= ceil(:top * all_size))
                                   / nullif(sum(revenue_12m), 0)
                        from positions
                        having count(*) > 0
                        union all
                        select 'TEAM', team_id, :top,
                               sum(profit) filter (where team_position <= ceil(:top * team_size))
                                   / nullif(sum(profit), 0),
                               sum(revenue_12m) filter (where team_position <= ceil(:top * team_size))
                                   / nullif(sum(revenue_12m), 0)
                        from positions where team_id is not null group by team_id
                        union all
                        select 'OWNER', owner_id, :top,
                               sum(profit) filter (where owner_position <= ceil(:top * owner_size))
                                   / nullif(sum(profit), 0),
                               sum(revenue_12m) filter (where owner_position <= ceil(:top * owner_size))
                                   / nullif(sum(revenue_12m), 0)
                        from positions group by owner_id""")
                .param("top", vipShare)
                .update();
    }

    /** Replaces the summaries by those of refresh {@code id}: call inside the swap's transaction. */
    void install(long id) {
        SummaryTables.install(jdbc, TABLES, id);
    }

    void drop(long id) {
        SummaryTables.drop(jdbc, TABLES, id);
    }
}

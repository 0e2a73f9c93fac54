package com.kehu.crm.analytics;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 3 of a refresh: from the facts (step 1) and the lifetime values (step 2), one statement computes every class
 * over the whole population and writes the rows of a new customer_metrics table. For speed at a million customers the
 * wide rows are never sorted: the profit ranking sorts only (key, id) pairs and is joined back; the MVC and STC shares
 * need no ranking, only the last customer inside each share (a bounded sort), and the RFM quintile scores compare each value with four thresholds taken from the buyers' sorted values (the
 * same scores as {@code 1 + floor(5 × percent_rank)}, computed exactly in integers: a score is above k when at least
 * ceil(k × (buyers − 1) / 5) buyers have a smaller value, that is when the value exceeds the buyers' value of that
 * position).
 *
 * <ul>
 *   <li>Value tier: customers ranked by 12-month profit (margin less cost to serve); the first vipShare of all customers
 *       are VIP and the first importantShare important, if their profit is positive; everyone else ordinary.
 *   <li>RFM: among buyers, each score is 1 + floor(5 × percent rank) capped at 5 (ties share a score): recency by the
 *       last purchase day, frequency by purchase days, monetary by lifetime revenue. The segment follows the R/F grid.
 *       R+F: the next purchase is expected one mean interval after the last; F+M: the profit estimate is the margin
 *       per year of the customer's tenure (at least a year).
 *   <li>CLV tier: BZC when cost to serve exceeds margin (12-month profit below zero); else MVC for the first mvcShare of
 *       buyers by CLV; else STC for the first stcShare of buyers (counted among those not lost) by unrealised potential.
 *   <li>Dick and Basu: repeat patronage high with at least loyaltyMinPurchaseDays purchase days in 12 months; attitude
 *       high when the latest survey answer recommends and intends to repurchase at the thresholds, unknown without an
 *       answer (never guessed).
 *   <li>Churn: lost when P(alive) is below churnAliveBelow, or when silent longer than churnSilenceFactor mean
 *       intervals, or, for one-time buyers, singleBuyerLostDays; at risk at the milder thresholds.
 *   <li>Lifecycle: decline when lost; exploration for a first purchase within explorationDays or a single purchase
 *       day; decline when at risk; else the 6-month revenue trend: formation when growing by more than lifecycleTrend, decline when
 *       falling by more, stability between.
 * </ul>
 */
@Component
class MetricsClassification {

    private final JdbcClient jdbc;

    MetricsClassification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a buyer is lost, over the columns of {@link #base}'s rows (aliased b). */
    private static final String CHURNED = """

                                   b.purchase_days > 0 and (
                                       b.p_alive < :churn_alive
                                       or (b.purchase_days > 1 and b.recency_days > :churn_silence * b.mean_interval_days)
                                       or (b.purchase_days = 1 and b.recency_days > :single_lost_days))""";

    /**
     * Whether a customer is among the most valuable (MVC): profitable, and within the first mvcShare of buyers by CLV,
     * that is not after the last of them ({@code mvc_cut} m, none or without CLV when every CLV counts); over the
     * columns of {@link #base}'s rows (b) and the counts (s).
     */
    private static final String IS_MVC = """

                                   b.profit_12m >= 0 and b.clv > 0 and ceil(:mvc_share * s.buyers) >= 1
                                   and (m.clv is null or b.clv > m.clv
                                        or (b.clv = m.clv and b.customer_id <= m.customer_id))""";

    /** The facts joined to the lifetime values, with the derived figures every class starts from. */
    private static String base(String facts, String values) {
        return """

                            select f.*,
                                   :day - f.last_purchase as recency_days,
                                   case when f.purchase_days > 1 then round((f.last_purchase - f.first_purchase)::numeric
                                        / (f.purchase_days - 1), 1) end as mean_interval_days,
                                   f.tickets_12m * :ticket_cost + f.calls_12m * :call_cost
                                       + f.touches_12m * :touch_cost as cost_to_serve_12m,
                                   f.margin_12m - (f.tickets_12m * :ticket_cost + f.calls_12m * :call_cost
                                       + f.touches_12m * :touch_cost) as profit_12m,
                                   v.p_alive, v.expected_purchases, v.expected_order_value, v.clv, v.clv_potential,
                                   v.clv_method
                            from""" + " " + facts + " f left join " + values + " v on v.customer_id = f.customer_id";
    }

    /**
     * Inserts into {@code metrics} (a table shaped like customer_metrics) one row per row of {@code facts}, joined to
     * {@code values} (customer_id, p_alive, expected_purchases, expected_order_value, clv, clv_potential, clv_method).
     * Table names come from the refresh (constants and ids), never from input.
     */
    int classify(String facts, String values, String metrics, long refreshId, LocalDate day, AnalyticsParameters p) {
        String sql = "insert into " + metrics + """
                         (customer_id, refresh_id, computed_at, owner_id, team_id, orders, purchase_days,
                          first_purchase, last_purchase, recency_days, revenue_total, margin_total, revenue_12m,
                          margin_12m, purchase_days_12m, purchase_days_prev_12m, revenue_prev_6m, revenue_last_6m, average_order_value,
                          mean_interval_days, first_day_amount, tickets_12m, calls_12m, touches_12m,
                          cost_to_serve_12m, profit_12m, profit_rank, value_tier, r_score, f_score, m_score,
                          rfm_segment, next_purchase_expected, profit_estimate_12m, p_alive, expected_purchases,
                          expected_order_value, clv, clv_potential, clv_method, clv_tier, repeat_patronage, attitude,
                          loyalty, lifecycle_stage, churned, at_risk)
                        with base as (""" + base(facts, values) + """
                        ), stats as materialized (
                            select count(*) as population, count(*) filter (where purchase_days > 0) as buyers
                            from""" + " " + facts + """

                        ), cuts as materialized (
                            -- the RFM score thresholds: x[c] is the c-th smallest value among the buyers (materialised:
                            -- inlined, every row would take its thresholds from the arrays of all buyers' values)
                            select r[(n + 4) / 5] as r1, r[(2 * n + 4) / 5] as r2, r[(3 * n + 4) / 5] as r3,
                                   r[(4 * n + 4) / 5] as r4,
                                   f[(n + 4) / 5] as f1, f[(2 * n + 4) / 5] as f2, f[(3 * n + 4) / 5] as f3,
                                   f[(4 * n + 4) / 5] as f4,
                                   m[(n + 4) / 5] as m1, m[(2 * n + 4) / 5] as m2, m[(3 * n + 4) / 5] as m3,
                                   m[(4 * n + 4) / 5] as m4
                            from (
                                select array_agg(last_purchase order by last_purchase) as r,
                                       array_agg(purchase_days order by purchase_days) as f,
                                       array_agg(revenue_total order by revenue_total) as m,
                                       count(*) - 1 as n
                                from""" + " " + facts + """
                                 where purchase_days > 0
                            ) sorted
                        ), mvc_cut as materialized (
                            -- the last customer within the MVC share of buyers by CLV (a bounded sort, no ranking)
                            select b.clv, b.customer_id
                            from ("""
                + base(facts, values) + """
                            ) b
                            order by b.clv desc nulls last, b.customer_id
                            offset greatest((select ceil(:mvc_share * buyers) from stats) - 1, 0) limit 1
                        ), stc_cut as materialized (
                            -- the last customer within the STC share by potential, among those neither MVC nor lost
                            select b.clv_potential, b.customer_id
                            from (""" + base(facts, values) + """
                            ) b
                            cross join stats s
                            left join mvc_cut m on true
                            where not coalesce((""" + IS_MVC + ") or (" + CHURNED + """
                            ), false)
                            order by b.clv_potential desc nulls last, b.customer_id
                            offset greatest((select ceil(:stc_share * buyers) from stats) - 1, 0) limit 1
                        ), ranks as (
                            -- the one full ranking, on (key, id) pairs joined back to the rows; by the profit as
                            -- stored (to the cent), so the rank orders the stored rows as the reports do
                            select customer_id,
                                   row_number() over (order by round(profit_12m, 2) desc, customer_id) as profit_rank
                            from (select b.customer_id, b.profit_12m from ("""
                + base(facts, values) + """
                            ) b) n
                        ), judged as (
                            select b.*, k.profit_rank, s.population, s.buyers,""" + IS_MVC + """
                                       as is_mvc,
                                   ceil(:stc_share * s.buyers) >= 1 and (t.clv_potential is null
                                       or b.clv_potential > t.clv_potential
                                       or (b.clv_potential = t.clv_potential and b.customer_id <= t.customer_id))
                                       as in_stc_share,
                                   case when b.purchase_days > 0 and s.buyers <= 1 then 1
                                        when b.purchase_days > 0 then 1 + (b.last_purchase > c.r1)::int
                                            + (b.last_purchase > c.r2)::int + (b.last_purchase > c.r3)::int
                                            + (b.last_purchase > c.r4)::int end as r_score,
                                   case when b.purchase_days > 0 and s.buyers <= 1 then 1
                                        when b.purchase_days > 0 then 1 + (b.purchase_days > c.f1)::int
                                            + (b.purchase_days > c.f2)::int + (b.purchase_days > c.f3)::int
                                            + (b.purchase_days > c.f4)::int end as f_score,
                                   case when b.purchase_days > 0 and s.buyers <= 1 then 1
                                        when b.purchase_days > 0 then 1 + (b.revenue_total > c.m1)::int
                                            + (b.revenue_total > c.m2)::int + (b.revenue_total > c.m3)::int
                                            + (b.revenue_total > c.m4)::int end as m_score,""" + CHURNED + """
                                       as is_churned,
                                   b.purchase_days > 0 and (
                                       b.p_alive < :risk_alive
                                       or (b.purchase_days > 1 and b.recency_days > :risk_silence * b.mean_interval_days)
                                       or (b.purchase_days = 1 and b.recency_days > :single_lost_days / 2)) as is_risky,
                                   case when b.recommend is null or b.repurchase_intent is null then null
                                        when b.recommend >= :recommend_min and b.repurchase_intent >= :repurchase_min
                                            then 'HIGH' else 'LOW' end as attitude_class,
                                   case when b.purchase_days_12m >= :loyal_days then 'HIGH' else 'LOW' end as patronage
                            from base b
                            join ranks k on k.customer_id = b.customer_id
                            cross join stats s
                            cross join cuts c
                            left join mvc_cut m on true
                            left join stc_cut t on true
                        )
                        select j.customer_id, :refresh, now(), j.owner_id, j.team_id, j.orders, j.purchase_days,
                               j.first_purchase, j.last_purchase, j.recency_days, j.revenue_total, j.margin_total,
                               j.revenue_12m, j.margin_12m, j.purchase_days_12m, j.purchase_days_prev_12m,
                               j.revenue_prev_6m, j.revenue_last_6m,
                               case when j.orders > 0 then round(j.revenue_total / j.orders, 2) end,
                               j.mean_interval_days, j.first_day_amount, j.tickets_12m, j.calls_12m, j.touches_12m,
                               j.cost_to_serve_12m, j.profit_12m, j.profit_rank,
                               case when j.profit_12m > 0 and j.profit_rank <= ceil(:vip_share * j.population) then 'VIP'
                                    when j.profit_12m > 0 and j.profit_rank <= ceil(:important_share * j.population)
                                        then 'IMPORTANT'
                                    else 'ORDINARY' end,
                               j.r_score, j.f_score, j.m_score,
                               case when j.r_score is null then null
                                    when j.r_score >= 4 and j.f_score >= 4 then 'CHAMPIONS'
                                    when j.r_score >= 4 and j.f_score >= 2 then 'POTENTIAL_LOYALISTS'
                                    when j.r_score >= 4 then 'NEW_CUSTOMERS'
                                    when j.r_score = 3 and j.f_score >= 4 then 'LOYAL'
                                    when j.r_score = 3 then 'NEED_ATTENTION'
                                    when j.f_score >= 3 then 'AT_RISK'
                                    when j.r_score = 2 then 'HIBERNATING'
                                    else 'LOST' end,
                               case when j.mean_interval_days is not null
                                    then j.last_purchase + ceil(j.mean_interval_days)::integer end,
                               case when j.purchase_days > 0 then round(j.margin_total * 365.25
                                    / greatest(:day - j.first_purchase + 1, 365.25), 2) end,
                               j.p_alive, j.expected_purchases, j.expected_order_value, j.clv, j.clv_potential,
                               j.clv_method,
                               case when j.profit_12m < 0 then 'BZC'
                                    when j.is_mvc then 'MVC'
                                    when j.clv_potential > 0 and not coalesce(j.is_churned, false)
                                         and j.in_stc_share
                                        then 'STC' end,
                               j.patronage, j.attitude_class,
                               case when j.attitude_class is null then 'UNKNOWN'
                                    when j.attitude_class = 'HIGH' and j.patronage = 'HIGH' then 'LOYAL'
                                    when j.attitude_class = 'HIGH' then 'LATENT'
                                    when j.patronage = 'HIGH' then 'SPURIOUS'
                                    else 'NONE' end,
                               case when j.purchase_days = 0 then null
                                    when j.is_churned then 'DECLINE'
                                    when j.purchase_days = 1 or j.first_purchase > :day - :exploration_days
                                        then 'EXPLORATION'
                                    when j.is_risky then 'DECLINE'
                                    when j.revenue_last_6m > j.revenue_prev_6m * (1 + :trend) then 'FORMATION'
                                    when j.revenue_last_6m < j.revenue_prev_6m * (1 - :trend) then 'DECLINE'
                                    else 'STABILITY' end,
                               coalesce(j.is_churned, false),
                               coalesce(j.is_risky and not j.is_churned, false)
                        from judged j""";
        return jdbc.sql(sql)
                .param("day", day)
                .param("refresh", refreshId)
                .param("ticket_cost", p.ticketCost())
                .param("call_cost", p.callCost())
                .param("touch_cost", p.touchCost())
                .param("vip_share", p.vipShare())
                .param("important_share", p.importantShare())
                .param("mvc_share", p.mvcShare())
                .param("stc_share", p.stcShare())
                .param("churn_alive", p.churnAliveBelow().doubleValue())
                .param("risk_alive", p.atRiskAliveBelow().doubleValue())
                .param("churn_silence", p.churnSilenceFactor())
                .param("risk_silence", p.atRiskSilenceFactor())
                .param("single_lost_days", p.singleBuyerLostDays())
                .param("recommend_min", p.attitudeRecommendMin())
                .param("repurchase_min", p.attitudeRepurchaseMin())
                .param("loyal_days", p.loyaltyMinPurchaseDays())
                .param("exploration_days", p.explorationDays())
                .param("trend", p.lifecycleTrend())
                .update();
    }
}

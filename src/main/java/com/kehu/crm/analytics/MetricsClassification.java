package com.kehu.crm.analytics;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 3 of a refresh: from the facts (step 1) and the lifetime values (step 2), one statement computes every class
 * with window functions over the whole population and writes the rows of a new customer_metrics table.
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

    /**
     * Inserts into {@code metrics} (a table shaped like customer_metrics) one row per row of {@code facts}, joined to
     * {@code values} (customer_id, p_alive, expected_purchases, expected_order_value, clv, clv_potential, clv_method).
     * Table names come from the refresh (constants and ids), never from input.
     */
    int classify(String facts, String values, String metrics, long refreshId, LocalDate day, AnalyticsParameters p) {
        return jdbc.sql("insert into " + metrics + """
                         (customer_id, refresh_id, computed_at, owner_id, team_id, orders, purchase_days,
                          first_purchase, last_purchase, recency_days, revenue_total, margin_total, revenue_12m,
                          margin_12m, purchase_days_12m, purchase_days_prev_12m, revenue_prev_6m, revenue_last_6m, average_order_value,
                          mean_interval_days, first_day_amount, tickets_12m, calls_12m, touches_12m,
                          cost_to_serve_12m, profit_12m, profit_rank, value_tier, r_score, f_score, m_score,
                          rfm_segment, next_purchase_expected, profit_estimate_12m, p_alive, expected_purchases,
                          expected_order_value, clv, clv_potential, clv_method, clv_tier, repeat_patronage, attitude,
                          loyalty, lifecycle_stage, churned, at_risk)
                        with base as (
                            select f.*,
                                   :day - f.last_purchase as recency_days,
                                   case when f.purchase_days > 1 then round((f.last_purchase - f.first_purchase)::numeric
                                        / (f.purchase_days - 1), 1) end as mean_interval_days,
                                   f.tickets_12m * :ticket_cost + f.calls_12m * :call_cost
                                       + f.touches_12m * :touch_cost as cost_to_serve_12m,
                                   v.p_alive, v.expected_purchases, v.expected_order_value, v.clv, v.clv_potential,
                                   v.clv_method
                            from
                        """ + facts + " f left join " + values + """
                         v on v.customer_id = f.customer_id
                        ), ranked as (
                            select b.*,
                                   b.margin_12m - b.cost_to_serve_12m as profit_12m,
                                   row_number() over (order by b.margin_12m - b.cost_to_serve_12m desc, b.customer_id)
                                       as profit_rank,
                                   count(*) over () as population,
                                   count(*) filter (where b.purchase_days > 0) over () as buyers,
                                   case when b.purchase_days > 0 then least(5, 1 + floor(5 * percent_rank() over (
                                       partition by b.purchase_days > 0 order by b.last_purchase))) end as r_score,
                                   case when b.purchase_days > 0 then least(5, 1 + floor(5 * percent_rank() over (
                                       partition by b.purchase_days > 0 order by b.purchase_days))) end as f_score,
                                   case when b.purchase_days > 0 then least(5, 1 + floor(5 * percent_rank() over (
                                       partition by b.purchase_days > 0 order by b.revenue_total))) end as m_score,
                                   row_number() over (order by b.clv desc nulls last, b.customer_id) as clv_rank
                            from base b
                        ), judged as (
                            select r.*,
                                   r.purchase_days > 0 and (
                                       r.p_alive < :churn_alive
                                       or (r.purchase_days > 1 and r.recency_days > :churn_silence * r.mean_interval_days)
                                       or (r.purchase_days = 1 and r.recency_days > :single_lost_days)) as is_churned,
                                   r.purchase_days > 0 and (
                                       r.p_alive < :risk_alive
                                       or (r.purchase_days > 1 and r.recency_days > :risk_silence * r.mean_interval_days)
                                       or (r.purchase_days = 1 and r.recency_days > :single_lost_days / 2)) as is_risky,
                                   case when r.recommend is null or r.repurchase_intent is null then null
                                        when r.recommend >= :recommend_min and r.repurchase_intent >= :repurchase_min
                                            then 'HIGH' else 'LOW' end as attitude_class,
                                   case when r.purchase_days_12m >= :loyal_days then 'HIGH' else 'LOW' end as patronage,
                                   r.profit_12m >= 0 and r.clv > 0 and r.clv_rank <= ceil(:mvc_share * r.buyers) as is_mvc
                            from ranked r
                        ), tiered as (
                            select j.*,
                                   row_number() over (partition by coalesce(j.is_mvc or j.is_churned, false)
                                                      order by j.clv_potential desc nulls last, j.customer_id)
                                       as potential_rank
                            from judged j
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
                                         and j.potential_rank <= ceil(:stc_share * j.buyers)
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
                        from tiered j""")
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

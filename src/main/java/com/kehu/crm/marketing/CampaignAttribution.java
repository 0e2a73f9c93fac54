package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes booked orders (CONFIRMED, SHIPPED, COMPLETED, in the campaign's currency) to campaigns, set-based in one
 * statement. A campaign's touch of a customer is the earliest response date of the customer's memberships in it (a
 * customer who is a member twice, say as customer and as contact, counts once). An order placed within [touch,
 * touch + attribution days] of several campaigns counts only for the one the rule picks: the latest touch on or before
 * the order (LAST_TOUCH) or the earliest (FIRST_TOUCH), ties to the higher or lower campaign id. So the revenue of all
 * campaigns together never counts an order twice.
 *
 * <p>Reads campaign_member_campaign_touch_idx (a campaign's touched customers, index-only), sales_order_customer_idx
 * (each customer's orders in the window) and campaign_member_touch_idx (the customer's other touches).
 */
@Component
@RequiredArgsConstructor
public class CampaignAttribution {

    private static final String SQL = """
            with touch as (
                select m.campaign_id, m.customer_id, min(m.touched_on) as touched_on
                from campaign_member m
                where m.campaign_id = any(:ids) and m.customer_id is not null and m.touched_on is not null
                group by m.campaign_id, m.customer_id
            ), attributed as (
                select t.campaign_id, t.customer_id, t.touched_on, o.total_amount, o.cost_amount
                from touch t
                join campaign c on c.id = t.campaign_id
                join sales_order o on o.customer_id = t.customer_id
                    and o.order_date >= t.touched_on and o.order_date <= t.touched_on + c.attribution_days
                    and o.status in ('CONFIRMED', 'SHIPPED', 'COMPLETED') and o.currency = c.currency
                where not exists (
                    select 1
                    from (select m2.campaign_id, min(m2.touched_on) as touched_on
                          from campaign_member m2
                          where m2.customer_id = t.customer_id and m2.touched_on is not null
                            and m2.touched_on <= o.order_date and m2.campaign_id <> t.campaign_id
                          group by m2.campaign_id) other
                    join campaign c2 on c2.id = other.campaign_id
                    where o.order_date <= other.touched_on + c2.attribution_days and c2.currency = o.currency
                      and %s)
            ), per_customer as (
                select a.campaign_id, a.customer_id, min(a.touched_on) as touched_on, count(*) as orders,
                       sum(a.total_amount) as revenue, sum(a.total_amount - a.cost_amount) as margin
                from attributed a
                group by a.campaign_id, a.customer_id
            ), totals as (
                select p.campaign_id, sum(p.orders) as orders, sum(p.revenue) as revenue, sum(p.margin) as margin,
                       count(*) filter (where cp.first_order_on >= p.touched_on) as won
                from per_customer p
                left join customer_purchase cp on cp.customer_id = p.customer_id
                group by p.campaign_id
            ), leads as (
                select m.campaign_id, count(*) as leads
                from campaign_member m
                where m.campaign_id = any(:ids) and (m.member_type = 'LEAD' or m.converted_lead_id is not null)
                group by m.campaign_id
            )
            select c.id, c.currency, c.spent, c.attribution_days, coalesce(t.orders, 0) as orders,
                   coalesce(t.revenue, 0) as revenue, coalesce(t.margin, 0) as margin, coalesce(t.won, 0) as won,
                   coalesce(l.leads, 0) as leads
            from campaign c
            left join totals t on t.campaign_id = c.id
            left join leads l on l.campaign_id = c.id
            where c.id = any(:ids)
            """;

    // the other campaign wins the order when its touch is later (earlier) than this one's; ties go by campaign id
    static final String LAST_TOUCH_WINS = "(other.touched_on, other.campaign_id) > (t.touched_on, t.campaign_id)";
    static final String FIRST_TOUCH_WINS = "(other.touched_on, other.campaign_id) < (t.touched_on, t.campaign_id)";

    private final JdbcClient jdbc;
    private final MarketingProperties properties;

    /** The statement for a rule (constant text; the benchmark runs the same). */
    public static String sql(AttributionRule rule) {
        return SQL.formatted(rule == AttributionRule.LAST_TOUCH ? LAST_TOUCH_WINS : FIRST_TOUCH_WINS);
    }

    @Transactional(readOnly = true)
    public CampaignPerformance of(long campaignId) {
        return of(List.of(campaignId)).get(campaignId);
    }

    /** The performance of the given campaigns (a page of them, not all at once), by campaign id. */
    @Transactional(readOnly = true)
    public Map<Long, CampaignPerformance> of(Collection<Long> campaignIds) {
        return of(campaignIds, properties.attributionRule());
    }

    Map<Long, CampaignPerformance> of(Collection<Long> campaignIds, AttributionRule rule) {
        Map<Long, CampaignPerformance> result = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return result;
        }
        // the planner's estimate for a 50,000-member campaign crosses the JIT threshold, and compiling costs more
        // (about 450 ms) than running the statement (docs/benchmarks.md)
        jdbc.sql("set local jit = off").update();
        List<CampaignPerformance> rows = new ArrayList<>(jdbc.sql(sql(rule))
                .param("ids", campaignIds.toArray(Long[]::new))
                .query((rs, n) -> new CampaignPerformance(
                        rs.getLong("id"),
                        rs.getString("currency"),
                        rs.getBigDecimal("spent"),
                        rs.getLong("orders"),
                        scale(rs.getBigDecimal("revenue")),
                        scale(rs.getBigDecimal("margin")),
                        rs.getLong("leads"),
                        rs.getLong("won"),
                        rs.getInt("attribution_days"),
                        rule))
                .list());
        rows.forEach(p -> result.put(p.campaignId(), p));
        return result;
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}

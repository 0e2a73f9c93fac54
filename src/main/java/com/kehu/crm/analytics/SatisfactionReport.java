package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The six satisfaction measures of the course material (CATALOG 3.3 S2) for the survey answers of a period, overall
 * and by month, by the agent who handled the ticket, by ticket category, by value tier and by product category (of
 * the order answered about; an order with two categories counts in both), within the reader's record rules (a rep:
 * the answers of the rep's customers).
 *
 * <ol>
 *   <li>overall satisfaction: the mean of "overall" (1-5) and the top-box share (all 5s: only completely satisfied
 *       customers are loyal);
 *   <li>per attribute, folded into the customer satisfaction index: CSI = the weighted mean of the attributes' mean
 *       scores rescaled from 1-5 to 0-100 ((score − 1) / 4 × 100), weights from the parameter csiWeights (attribute
 *       code to weight; an attribute not named weighs 1, one weighted 0 is left out);
 *   <li>expectation against performance: the mean of performance − expectation (below zero: expectations not met);
 *   <li>repurchase intention: the mean (1-5) and the share answering 4 or 5;
 *   <li>willingness to recommend as NPS: % promoters (9-10) − % detractors (0-6);
 *   <li>dissatisfaction: complaint tickets per 100 completed orders of the period, reported beside, not netted
 *       against, satisfaction (satisfaction and dissatisfaction have different drivers). The order counts are those
 *       of the daily sales summary, as of the last metrics refresh.
 * </ol>
 */
@Service
public class SatisfactionReport {

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final AnalyticsSettings settings;

    SatisfactionReport(JdbcClient jdbc, CustomerAccess access, AnalyticsSettings settings) {
        this.jdbc = jdbc;
        this.access = access;
        this.settings = settings;
    }

    /** The measures of one group of answers; null where the group has no answer to average. */
    public record Measures(
            String group,
            long responses,
            @Nullable Double overall,
            @Nullable Double topBoxShare,
            @Nullable Double csi,
            @Nullable Double gap,
            @Nullable Double repurchase,
            @Nullable Double repurchaseShare,
            @Nullable Double nps) {}

    public record AttributeScore(String attribute, long ratings, double mean, double index) {}

    /**
     * The dissatisfaction side: complaints of the period and their rate per 100 completed orders. The complaints are
     * counted live; the completed orders come from the daily sales stored by the last metrics refresh (the answer's
     * "computed"), so orders completed since are not counted yet.
     */
    public record Complaints(
            long complaints, long completedOrders, @Nullable Double per100Orders) {}

    /** A product category's names, for showing a {@code byProductCategory} group (a code) in the reader's language. */
    public record CategoryNames(String nameEn, String nameZh) {}

    public record Report(
            LocalDate from,
            LocalDate to,
            Measures overall,
            List<AttributeScore> attributes,
            Complaints complaints,
            List<Measures> byMonth,
            List<Measures> byAgent,
            List<Measures> byCategory,
            List<Measures> byTier,
            List<Measures> byProductCategory,
            java.util.Map<String, CategoryNames> productCategoryNames) {}

    /** The report for answers given from {@code from} to {@code to}, both days included. */
    public Report report(LocalDate from, LocalDate to, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        java.util.Map<String, java.math.BigDecimal> weights =
                new java.util.LinkedHashMap<>(settings.current().csiWeights());
        Measures overall = measures("'ALL'", "", scope, from, to, weights).stream()
                .findFirst()
                .orElse(new Measures("ALL", 0, null, null, null, null, null, null, null));
        List<Measures> byProductCategory = measures(
                "pc.category_code",
                "join analytics_survey_product_category_v pc on pc.response_id = r.id",
                scope,
                from,
                to,
                weights);
        return new Report(
                from,
                to,
                overall,
                attributes(scope, from, to),
                complaints(scope, from, to),
                measures("to_char(date_trunc('month', r.created_at), 'YYYY-MM')", "", scope, from, to, weights),
                measures(
                        "coalesce(u.display_name, '—')",
                        "join analytics_ticket_v t on t.id = r.ticket_id"
                                + " left join app_user u on u.id = t.assignee_id",
                        scope,
                        from,
                        to,
                        weights),
                measures(
                        "coalesce(tc.code, '—')",
                        "join analytics_ticket_v t on t.id = r.ticket_id"
                                + " join ticket_category tc on tc.id = t.category_id",
                        scope,
                        from,
                        to,
                        weights),
                measures(
                        "coalesce(m.value_tier, 'NONE')",
                        "left join customer_metrics m on m.customer_id = r.customer_id",
                        scope,
                        from,
                        to,
                        weights),
                byProductCategory,
                productCategoryNames(byProductCategory));
    }

    private java.util.Map<String, CategoryNames> productCategoryNames(List<Measures> groups) {
        if (groups.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, CategoryNames> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, name_en, name_zh from analytics_product_category_v where code = any(:codes)"
                        + " order by code")
                .param("codes", groups.stream().map(Measures::group).toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), new CategoryNames(rs.getString(2), rs.getString(3))))
                .list();
        return names;
    }

    /** The measures grouped by {@code group} (an SQL expression written here, never input), after {@code joins}. */
    private List<Measures> measures(
            String group,
            String joins,
            OwnerScope scope,
            LocalDate from,
            LocalDate to,
            java.util.Map<String, java.math.BigDecimal> weights) {
        String sql = """
                with answers as (
                    select %1$s as grp, r.*
                    from analytics_survey_v r
                    %4$s
                    %2$s
                    where r.created_at >= :from and r.created_at < :to_end and %3$s
                ), attribute_means as (
                    select a.grp, sr.attribute_code, avg(sr.score) as mean
                    from answers a join analytics_survey_rating_v sr on sr.response_id = a.id
                    group by a.grp, sr.attribute_code
                ), indexes as (
                    select am.grp,
                           sum(coalesce(w.weight, 1) * (am.mean - 1) / 4 * 100) / nullif(sum(coalesce(w.weight, 1)), 0)
                               as csi
                    from attribute_means am
                    left join unnest(cast(:codes as text[]), cast(:weights as numeric[])) w(code, weight)
                        on w.code = am.attribute_code
                    group by am.grp
                )
                select a.grp, count(*),
                       avg(a.overall)::float8,
                       avg(case when a.overall = 5 then 1.0 else 0.0 end)::float8,
                       max(am.csi)::float8,
                       avg(a.performance - a.expectation)::float8,
                       avg(a.repurchase_intent)::float8,
                       avg(case when a.repurchase_intent >= 4 then 1.0 else 0.0 end)::float8,
                       (100.0 * (count(*) filter (where a.recommend >= 9) - count(*) filter (where a.recommend <= 6))
                           / count(*))::float8
                from answers a left join indexes am on am.grp = a.grp
                group by a.grp order by a.grp""".formatted(
                group, joins, ScopeSql.condition(scope, "c.owner_id"), ScopeSql.customerJoin(scope, "r.customer_id"));
        return ScopeSql.period(jdbc.sql(sql), scope, from, to)
                .param("codes", weights.keySet().toArray(String[]::new))
                .param("weights", weights.values().toArray(java.math.BigDecimal[]::new))
                .query((rs, n) -> new Measures(
                        rs.getString(1),
                        rs.getLong(2),
                        (Double) rs.getObject(3),
                        (Double) rs.getObject(4),
                        (Double) rs.getObject(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        (Double) rs.getObject(8),
                        (Double) rs.getObject(9)))
                .list();
    }

    private List<AttributeScore> attributes(OwnerScope scope, LocalDate from, LocalDate to) {
        String sql =
                """
                select sr.attribute_code, count(*), avg(sr.score)::float8, avg((sr.score - 1) / 4.0 * 100)::float8
                from analytics_survey_v r
                %s
                join analytics_survey_rating_v sr on sr.response_id = r.id
                where r.created_at >= :from and r.created_at < :to_end and %s
                group by sr.attribute_code order by sr.attribute_code""".formatted(ScopeSql.customerJoin(scope, "r.customer_id"), ScopeSql.condition(scope, "c.owner_id"));
        return ScopeSql.period(jdbc.sql(sql), scope, from, to)
                .query((rs, n) -> new AttributeScore(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    private Complaints complaints(OwnerScope scope, LocalDate from, LocalDate to) {
        String sql = """
                select (select count(*) from analytics_ticket_v t %2$s
                        where t.type = 'COMPLAINT' and t.created_at >= :from and t.created_at < :to_end and %1$s),
                       (select coalesce(sum(d.orders), 0) from analytics_daily_sales d
                        where d.day between :from and :to and %3$s)""".formatted(
                        ScopeSql.condition(scope, "c.owner_id"),
                        ScopeSql.customerJoin(scope, "t.customer_id"),
                        ScopeSql.condition(scope, "d.owner_id"));
        return ScopeSql.period(jdbc.sql(sql), scope, from, to)
                .query((rs, n) -> {
                    long complaints = rs.getLong(1);
                    long orders = rs.getLong(2);
                    return new Complaints(complaints, orders, orders == 0 ? null : 100.0 * complaints / orders);
                })
                .single();
    }
}

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
 *       of the daily sales summary.
 * </ol>
 *
 * <p>Figures are as of the last metrics refresh: the report reads the per-day, per-owner survey and complaint summaries
 * that the refresh stores ({@link ServiceSummaries}, exact sums and counts, so every measure is what aggregating the
 * answers at the refresh gave), never the answers themselves; answers given since are not counted yet. The value
 * tier of an answer is its customer's in the metrics of that refresh.
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
     * The dissatisfaction side: complaints of the period and their rate per 100 completed orders, both as stored by the
     * last metrics refresh (the answer's "computed"), so complaints and orders since are not counted yet.
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
        Measures overall = measures("ALL", "'ALL'", "", scope, from, to, weights).stream()
                .findFirst()
                .orElse(new Measures("ALL", 0, null, null, null, null, null, null, null));
        List<Measures> byProductCategory = measures("PRODUCT_CATEGORY", "s.group_key", "", scope, from, to, weights);
        return new Report(
                from,
                to,
                overall,
                attributes(scope, from, to),
                complaints(scope, from, to),
                measures("ALL", "to_char(s.day, 'YYYY-MM')", "", scope, from, to, weights),
                // grouped by name as shown (two agents of one name are one row); '' (no assignee) matches no user
                measures(
                        "AGENT",
                        "coalesce(u.display_name, '—')",
                        "left join analytics_user_v u on u.id::text = s.group_key",
                        scope,
                        from,
                        to,
                        weights),
                measures("CATEGORY", "s.group_key", "", scope, from, to, weights),
                measures("TIER", "s.group_key", "", scope, from, to, weights),
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

    /**
     * The measures of one dimension's summary rows (as {@code s}), grouped by {@code group} (an SQL expression written
     * here, never input) after {@code joins}: the means, shares and NPS from the summed counts and sums, and the CSI
     * from the attribute means of the summed ratings, as the live aggregation computed them.
     */
    private List<Measures> measures(
            String dimension,
            String group,
            String joins,
            OwnerScope scope,
            LocalDate from,
            LocalDate to,
            java.util.Map<String, java.math.BigDecimal> weights) {
        String sql = """
                with attribute_means as (
                    select %1$s as grp, s.attribute_code, sum(s.score_sum)::numeric / sum(s.ratings) as mean
                    from analytics_survey_rating_day s
                    %2$s
                    where s.dimension = :dimension and s.day between :from and :to and %3$s
                    group by 1, s.attribute_code
                ), indexes as (
                    select am.grp,
                           sum(coalesce(w.weight, 1) * (am.mean - 1) / 4 * 100) / nullif(sum(coalesce(w.weight, 1)), 0)
                               as csi
                    from attribute_means am
                    left join unnest(cast(:codes as text[]), cast(:weights as numeric[])) w(code, weight)
                        on w.code = am.attribute_code
                    group by am.grp
                ), answers as (
                    select %1$s as grp, sum(s.responses) as responses,
                           sum(s.overall_n) as overall_n, sum(s.overall_sum) as overall_sum,
                           sum(s.gap_n) as gap_n, sum(s.gap_sum) as gap_sum,
                           sum(s.repurchase_n) as repurchase_n, sum(s.repurchase_sum) as repurchase_sum,
                           sum(s.top_box) as top_box, sum(s.repurchase_high) as repurchase_high,
                           sum(s.promoters) as promoters, sum(s.detractors) as detractors
                    from analytics_survey_day s
                    %2$s
                    where s.dimension = :dimension and s.day between :from and :to and %3$s
                    group by 1
                )
                select a.grp, a.responses,
                       (a.overall_sum::numeric / nullif(a.overall_n, 0))::float8,
                       (a.top_box::numeric / a.responses)::float8,
                       i.csi::float8,
                       (a.gap_sum::numeric / nullif(a.gap_n, 0))::float8,
                       (a.repurchase_sum::numeric / nullif(a.repurchase_n, 0))::float8,
                       (a.repurchase_high::numeric / a.responses)::float8,
                       (100.0 * (a.promoters - a.detractors) / a.responses)::float8
                from answers a left join indexes i on i.grp = a.grp
                order by a.grp""".formatted(group, joins, ScopeSql.condition(scope, "s.owner_id"));
        return ScopeSql.period(jdbc.sql(sql), scope, from, to)
                .param("dimension", dimension)
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
        String sql = """
                select s.attribute_code, sum(s.ratings), (sum(s.score_sum)::numeric / sum(s.ratings))::float8,
                       (sum((s.score_sum - s.ratings) / 4.0 * 100) / sum(s.ratings))::float8
                from analytics_survey_rating_day s
                where s.dimension = 'ALL' and s.day between :from and :to and %s
                group by s.attribute_code order by s.attribute_code""".formatted(ScopeSql.condition(scope, "s.owner_id"));
        return ScopeSql.period(jdbc.sql(sql), scope, from, to)
                .query((rs, n) -> new AttributeScore(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    private Complaints complaints(OwnerScope scope, LocalDate from, LocalDate to) {
        String sql = """
                select (select coalesce(sum(s.complaints), 0) from analytics_complaint_day s
                        where s.day between :from and :to and %1$s),
                       (select coalesce(sum(d.orders), 0) from analytics_daily_sales d
                        where d.day between :from and :to and %2$s)""".formatted(ScopeSql.condition(scope, "s.owner_id"), ScopeSql.condition(scope, "d.owner_id"));
        return ScopeSql.period(jdbc.sql(sql), scope, from, to)
                .query((rs, n) -> {
                    long complaints = rs.getLong(1);
                    long orders = rs.getLong(2);
                    return new Complaints(complaints, orders, orders == 0 ? null : 100.0 * complaints / orders);
                })
                .single();
    }
}

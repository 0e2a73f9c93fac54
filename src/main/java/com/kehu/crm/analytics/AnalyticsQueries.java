package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the stored metrics (never the orders) for the reports, within the reader's record rules: a rep's analytics
 * cover the rep's customers, a manager's the team's, an admin's everyone's.
 *
 * <p>The reports read the summaries each refresh stores with the metrics ({@link MetricsSummaries}): per owner, the
 * counts and sums of every class, so a scope's answer is a sum over its owners' rows (a few hundred at most) whatever
 * the number of customers; the Pareto figures, which do not add up over owners, are stored for everyone, each team and
 * each owner, and computed live from customer_metrics only for another set of owners or another VIP share. The answers
 * equal the live aggregation over customer_metrics ({@code live*} methods, kept for that fallback and the tests).
 */
@Service
public class AnalyticsQueries {

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    private final Clock clock;

    AnalyticsQueries(JdbcClient jdbc, CustomerAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** When the metrics were computed and over how many customers (null before the first refresh). */
    public record Computed(@Nullable Instant at, @Nullable Integer customers) {}

    public Computed computed() {
        return jdbc.sql("select finished_at, customers from analytics_refresh where status = 'DONE'"
                        + " order by finished_at desc limit 1")
                .query((rs, n) -> new Computed(rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2)))
                .optional()
                .orElse(new Computed(null, null));
    }

    public record TierRow(String tier, long customers, BigDecimal revenue12m, BigDecimal profit12m) {}

    /**
     * @param topShare the share of customers called "top" (the VIP share)
     * @param profitShareOfTop the share of positive 12-month profit the top customers earn
     * @param revenueShareOfTop the share of 12-month revenue the top customers bring
     * @param unprofitableShare among buyers of the last 12 months, the share whose profit is zero or below
     */
    public record Pareto(
            BigDecimal topShare,
            @Nullable Double profitShareOfTop,
            @Nullable Double revenueShareOfTop,
            @Nullable Double unprofitableShare) {}

    public record ValueTiers(List<TierRow> tiers, Pareto pareto) {}

    public ValueTiers valueTiers(CurrentUser user, AnalyticsParameters parameters) {
        return valueTiers(access.readScope(user), parameters.vipShare());
    }

    /** The value tiers of any set of owners, with the top share {@code top}. */
    ValueTiers valueTiers(OwnerScope scope, BigDecimal top) {
        List<TierRow> tiers = classSums("VALUE_TIER", scope, "class")
                .query((rs, n) -> new TierRow(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
        return new ValueTiers(tiers, pareto(scope, top));
    }

    /** The Pareto figures of the scope: stored for everyone, a team or one owner; else computed live. */
    private Pareto pareto(OwnerScope scope, BigDecimal top) {
        Double unprofitable = ownerSums("sum(unprofitable_12m) * 1.0 / nullif(sum(buyers_12m), 0)", scope)
                .query((rs, n) -> doubleOrNull(rs, 1))
                .optional()
                .orElse(null);
        if (scope.isEmpty()) {
            return new Pareto(top, null, null, unprofitable);
        }
        String kind;
        long id;
        if (scope.all()) {
            kind = "ALL";
            id = 0;
        } else {
            // the owners of the scope who have customers, with their team
            List<long[]> owners = ownerSums("owner_id, coalesce(team_id, -1)", scope, "group by owner_id, team_id")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            if (owners.isEmpty()) {
                return new Pareto(top, null, null, unprofitable);
            }
            long team = owners.get(0)[1];
            if (owners.size() == 1) {
                kind = "OWNER";
                id = owners.get(0)[0];
            } else if (team >= 0
                    && owners.stream().allMatch(o -> o[1] == team)
                    && jdbc.sql("select count(*) from analytics_owner_summary where team_id = :team")
                                    .param("team", team)
                                    .query(Long.class)
                                    .single()
                            == owners.size()) {
                kind = "TEAM";
                id = team;
            } else {
                return liveValueTiers(scope, top).pareto();
            }
        }
        Optional<Pareto> stored = jdbc.sql("""
                        select profit_share_of_top, revenue_share_of_top from analytics_pareto
                        where scope_kind = :kind and scope_id = :id and top_share = :top""")
                .param("kind", kind)
                .param("id", id)
                .param("top", top)
                .query((rs, n) -> new Pareto(top, doubleOrNull(rs, 1), doubleOrNull(rs, 2), unprofitable))
                .optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        boolean summarised = jdbc.sql("select exists (select 1 from analytics_pareto where top_share = :top)")
                .param("top", top)
                .query(Boolean.class)
                .single();
        // summaries of this VIP share exist, so the scope has no customer; else the share changed since the refresh
        return summarised
                ? new Pareto(top, null, null, unprofitable)
                : liveValueTiers(scope, top).pareto();
    }

    /** The value tiers and Pareto figures aggregated live over customer_metrics (fallback and tests). */
    ValueTiers liveValueTiers(OwnerScope scope, BigDecimal top) {
        List<TierRow> tiers = scoped("""
                        select value_tier, count(*), coalesce(sum(revenue_12m), 0), coalesce(sum(profit_12m), 0)
                        from customer_metrics where %s group by value_tier order by value_tier""", scope)
                .query((rs, n) -> new TierRow(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
        Pareto pareto = scoped("""
                        with ranked as (
                            select profit_12m, revenue_12m, purchase_days_12m,
                                   row_number() over (order by profit_12m desc, customer_id) as position,
                                   count(*) over () as population
                            from customer_metrics where %s
                        )
                        select sum(greatest(profit_12m, 0)) filter (where position <= ceil(:top * population))
                                   / nullif(sum(greatest(profit_12m, 0)), 0),
                               sum(revenue_12m) filter (where position <= ceil(:top * population))
                                   / nullif(sum(revenue_12m), 0),
                               avg(case when profit_12m <= 0 then 1.0 else 0.0 end)
                                   filter (where purchase_days_12m > 0)
                        from ranked""", scope)
                .param("top", top)
                .query((rs, n) -> new Pareto(top, doubleOrNull(rs, 1), doubleOrNull(rs, 2), doubleOrNull(rs, 3)))
                .single();
        return new ValueTiers(tiers, pareto);
    }

    public record SegmentRow(String segment, long customers, BigDecimal revenue) {}

    public record GridCell(int r, int f, long customers) {}

    public record Rfm(List<SegmentRow> segments, List<GridCell> grid) {}

    public Rfm rfm(CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        List<SegmentRow> segments = classSums("RFM_SEGMENT", scope, "2 desc, class")
                .query((rs, n) -> new SegmentRow(rs.getString(1), rs.getLong(2), rs.getBigDecimal(5)))
                .list();
        List<GridCell> grid = classSums("RFM_GRID", scope, "class")
                .query((rs, n) -> {
                    String[] rf = rs.getString(1).split("-");
                    return new GridCell(Integer.parseInt(rf[0]), Integer.parseInt(rf[1]), rs.getLong(2));
                })
                .list();
        return new Rfm(segments, grid);
    }

    /** The RFM report aggregated live over customer_metrics (tests). */
    Rfm liveRfm(OwnerScope scope) {
        List<SegmentRow> segments = scoped("""
                        select rfm_segment, count(*), coalesce(sum(revenue_total), 0) from customer_metrics
                        where rfm_segment is not null and %s group by rfm_segment order by 2 desc, 1""", scope)
                .query((rs, n) -> new SegmentRow(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
        List<GridCell> grid = scoped("""
                        select r_score, f_score, count(*) from customer_metrics
                        where r_score is not null and %s group by 1, 2 order by 1, 2""", scope)
                .query((rs, n) -> new GridCell(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
                .list();
        return new Rfm(segments, grid);
    }

    /** Customers per class of one column (loyalty, lifecycle stage, CLV tier), nulls as "NONE" where asked. */
    public Map<String, Long> counts(CurrentUser user, Dimension dimension) {
        OwnerScope scope = access.readScope(user);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        classSums(dimension.summary, scope, "class")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The counts aggregated live over customer_metrics (tests). */
    Map<String, Long> liveCounts(OwnerScope scope, Dimension dimension) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        scoped(
                        "select " + dimension.column + ", count(*) from customer_metrics where " + dimension.filter
                                + " and %s group by 1 order by 1",
                        scope)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The columns the count reports group by: constants, never input. */
    public enum Dimension {
        LOYALTY("loyalty", "loyalty is not null", "LOYALTY"),
        LIFECYCLE("lifecycle_stage", "lifecycle_stage is not null", "LIFECYCLE"),
        CLV_TIER("clv_tier", "clv_tier is not null", "CLV_TIER"),
        VALUE_TIER("value_tier", "true", "VALUE_TIER");

        private final String column;
        private final String filter;
        /** The dimension's name in analytics_owner_class. */
        private final String summary;

        Dimension(String column, String filter, String summary) {
            this.column = column;
            this.filter = filter;
            this.summary = summary;
        }
    }

    /**
     * @param annualChurnRate of the customers who bought 12 to 24 months ago, the share who did not buy in the last 12
     * @param base how many bought 12 to 24 months ago
     */
    public record Churn(
            long buyers,
            long churned,
            long atRisk,
            long base,
            @Nullable Double annualChurnRate) {}

    public Churn churn(CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        return ownerSums("""
                        coalesce(sum(buyers), 0), coalesce(sum(churned), 0), coalesce(sum(at_risk), 0),
                        coalesce(sum(churn_base), 0), sum(churn_base_lost) * 1.0 / nullif(sum(churn_base), 0)""", scope)
                .query((rs, n) ->
                        new Churn(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), doubleOrNull(rs, 5)))
                .single();
    }

    /** The churn report aggregated live over customer_metrics (tests). */
    Churn liveChurn(OwnerScope scope) {
        return scoped("""
                        select count(*) filter (where purchase_days > 0), count(*) filter (where churned),
                               count(*) filter (where at_risk), count(*) filter (where purchase_days_prev_12m > 0),
                               avg(case when purchase_days_12m = 0 then 1.0 else 0.0 end)
                                   filter (where purchase_days_prev_12m > 0)
                        from customer_metrics where %s""", scope)
                .query((rs, n) ->
                        new Churn(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), doubleOrNull(rs, 5)))
                .single();
    }

    /** One month of completed orders (the month's first day), with their revenue and margin. */
    public record MonthSales(LocalDate month, long orders, BigDecimal revenue, BigDecimal margin) {}

    /**
     * Completed orders per calendar month for the last {@code months} months (this month included, every month listed,
     * zero where none), within the reader's record rules, from the daily sales stored by the last refresh: orders
     * completed since are not counted yet.
     */
    public List<MonthSales> salesTrend(CurrentUser user, int months) {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be between 1 and 120");
        }
        OwnerScope scope = access.readScope(user);
        LocalDate first = LocalDate.now(clock).withDayOfMonth(1).minusMonths(months - 1L);
        Map<LocalDate, MonthSales> found = new java.util.HashMap<>();
        ScopeSql.owners(jdbc.sql("""
                                        select date_trunc('month', day)::date, coalesce(sum(orders), 0),
                                               coalesce(sum(revenue), 0), coalesce(sum(margin), 0)
                                        from analytics_daily_sales where day >= :first and %s
                                        group by 1""".formatted(ScopeSql.condition(scope, "owner_id"))), scope)
                .param("first", first)
                .query((rs, n) -> new MonthSales(
                        rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list()
                .forEach(m -> found.put(m.month(), m));
        List<MonthSales> trend = new java.util.ArrayList<>();
        for (int i = 0; i < months; i++) {
            LocalDate month = first.plusMonths(i);
            trend.add(found.getOrDefault(month, new MonthSales(month, 0, BigDecimal.ZERO, BigDecimal.ZERO)));
        }
        return trend;
    }

    /** One customer's metrics as stored, or empty when the reader may not see it or it has none yet. */
    public Optional<Map<String, Object>> customer(long customerId, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        return scoped(
                        "select * from (select m.*, c.code, c.name from customer_metrics m"
                                + " join customer c on c.id = m.customer_id where m.customer_id = :id) x where %s",
                        scope)
                .param("id", customerId)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
    }

    /** Whether the reader may see this customer at all (so a missing metrics row is "not computed", not 404). */
    public boolean visible(long customerId, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from customer where id = :id and (:all or owner_id = any(:owners)))")
                .param("id", customerId)
                .param("all", scope.all())
                .param("owners", scope.ownerIdArray())
                .query(Boolean.class)
                .single();
    }

    /**
     * Customers and sums per class of one dimension of analytics_owner_class over the scope's owners: columns class,
     * customers, revenue_12m, profit_12m, revenue_total.
     */
    private JdbcClient.StatementSpec classSums(String dimension, OwnerScope scope, String orderBy) {
        return scoped("""
                        select class, sum(customers), coalesce(sum(revenue_12m), 0), coalesce(sum(profit_12m), 0),
                               coalesce(sum(revenue_total), 0)
                        from analytics_owner_class where dimension = :dimension and %s
                        group by class order by""" + " " + orderBy, scope).param("dimension", dimension);
    }

    /** {@code select <columns> from analytics_owner_summary} over the scope's owners. */
    private JdbcClient.StatementSpec ownerSums(String columns, OwnerScope scope, String... tail) {
        return scoped("select " + columns + " from analytics_owner_summary where %s " + String.join(" ", tail), scope);
    }

    /** The statement with the scope condition in place of %s (owner ids as a bind parameter). */
    private JdbcClient.StatementSpec scoped(String sql, OwnerScope scope) {
        return ScopeSql.owners(jdbc.sql(sql.formatted(ScopeSql.condition(scope, "owner_id"))), scope);
    }

    private static @Nullable Double doubleOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}

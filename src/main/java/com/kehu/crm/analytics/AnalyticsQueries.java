package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the stored metrics (never the orders) for the reports, within the reader's record rules: a rep's analytics
 * cover the rep's customers, a manager's the team's, an admin's everyone's. Each report is one aggregate query over
 * customer_metrics, narrowed by the owner index for reps and managers.
 */
@Service
public class AnalyticsQueries {

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    AnalyticsQueries(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
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
        OwnerScope scope = access.readScope(user);
        List<TierRow> tiers = scoped("""
                        select value_tier, count(*), coalesce(sum(revenue_12m), 0), coalesce(sum(profit_12m), 0)
                        from customer_metrics where %s group by value_tier""", scope)
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
                .param("top", parameters.vipShare())
                .query((rs, n) -> new Pareto(
                        parameters.vipShare(), doubleOrNull(rs, 1), doubleOrNull(rs, 2), doubleOrNull(rs, 3)))
                .single();
        return new ValueTiers(tiers, pareto);
    }

    public record SegmentRow(String segment, long customers, BigDecimal revenue) {}

    public record GridCell(int r, int f, long customers) {}

    public record Rfm(List<SegmentRow> segments, List<GridCell> grid) {}

    public Rfm rfm(CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        List<SegmentRow> segments = scoped("""
                        select rfm_segment, count(*), coalesce(sum(revenue_total), 0) from customer_metrics
                        where rfm_segment is not null and %s group by rfm_segment order by 2 desc""", scope)
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
        LOYALTY("loyalty", "loyalty is not null"),
        LIFECYCLE("lifecycle_stage", "lifecycle_stage is not null"),
        CLV_TIER("clv_tier", "clv_tier is not null"),
        VALUE_TIER("value_tier", "true");

        private final String column;
        private final String filter;

        Dimension(String column, String filter) {
            this.column = column;
            this.filter = filter;
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

    /** The statement with the scope condition in place of %s (owner ids as a bind parameter). */
    private JdbcClient.StatementSpec scoped(String sql, OwnerScope scope) {
        return ScopeSql.owners(jdbc.sql(sql.formatted(ScopeSql.condition(scope, "owner_id"))), scope);
    }

    private static @Nullable Double doubleOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}

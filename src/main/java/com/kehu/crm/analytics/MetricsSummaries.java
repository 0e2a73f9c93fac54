package com.kehu.crm.analytics;

import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Part of the refresh: the summaries the reports read (V34), gathered by the classification (per owner and the Pareto
 * sums) or aggregated from the orders (the daily sales) into work tables before the swap, and put in place inside the
 * swap's transaction (a few thousand rows), so readers see the metrics and the summaries of one refresh.
 *
 * <ul>
 *   <li>analytics_owner_summary and analytics_owner_class: per owner, the counts and sums of every class the reports
 *       show; a scope's answer is the sum over its owners' rows (additive, so exact for any set of owners);
 *   <li>analytics_pareto: the Pareto figures (not additive) for everyone, each team and each owner, from sums taken in
 *       the same rank order as the live report's and divided as it divides them;
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
    private final NamedParameterJdbcTemplate named;

    MetricsSummaries(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
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

    /**
     * Writes the per-owner summaries and the Pareto sums the classification gathered into the work tables of refresh
     * {@code id} (a few rows per owner and team); the Pareto shares are divided here, in SQL, exactly as the live report
     * divides its sums.
     */
    void write(long id, MetricsClassification.Classified classified) {
        // the parameters are the rows' record components, by name
        named.batchUpdate("insert into analytics_owner_summary_" + id + """
                         (owner_id, team_id, customers, buyers, churned, at_risk, churn_base, churn_base_lost,
                          buyers_12m, unprofitable_12m)
                        values (:ownerId, :teamId, :customers, :buyers, :churned, :atRisk, :churnBase,
                                :churnBaseLost, :buyers12m, :unprofitable12m)""", parameters(classified.owners()));
        named.batchUpdate("insert into analytics_owner_class_" + id + """
                         (owner_id, dimension, class, customers, revenue_12m, profit_12m, revenue_total)
                        values (:ownerId, :dimension, :className, :customers, :revenue12m, :profit12m,
                                :revenueTotal)""", parameters(classified.ownerClasses()));
        named.batchUpdate("insert into analytics_pareto_" + id + """
                         (scope_kind, scope_id, top_share, profit_share_of_top, revenue_share_of_top)
                        values (:scopeKind, :scopeId, :topShare,
                                cast(:profitOfTop as numeric) / nullif(cast(:profit as numeric), 0),
                                cast(:revenueOfTop as numeric) / nullif(cast(:revenue as numeric), 0))""", parameters(classified.pareto()));
    }

    private static SqlParameterSource[] parameters(List<? extends Record> rows) {
        return rows.stream().map(SimplePropertySqlParameterSource::new).toArray(SqlParameterSource[]::new);
    }

    /** Replaces the summaries by those of refresh {@code id}: call inside the swap's transaction. */
    void install(long id) {
        SummaryTables.install(jdbc, TABLES, id);
    }

    void drop(long id) {
        SummaryTables.drop(jdbc, TABLES, id);
    }
}

package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers behind a figure of the dashboards: those of one class (a value tier, an RFM segment or grid cell, a
 * CLV tier, a loyalty class, a lifecycle stage, lost, at risk, due to reorder), within the reader's record rules,
 * highest 12-month profit first, from the stored metrics. Each filter is a constant condition chosen by {@link
 * Slice}; the class value is a bind parameter checked against the class's values first.
 */
@Service
@Transactional(readOnly = true)
public class CustomerDrill {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final Clock clock;

    CustomerDrill(JdbcClient jdbc, CustomerAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The classes a list can be drawn from, each with the values it takes (none: a yes/no class). */
    public enum Slice {
        VALUE_TIER("m.value_tier = :value", List.of("VIP", "IMPORTANT", "ORDINARY")),
        RFM_SEGMENT(
                "m.rfm_segment = :value",
                List.of(
                        "CHAMPIONS",
                        "LOYAL",
                        "POTENTIAL_LOYALISTS",
                        "NEW_CUSTOMERS",
                        "NEED_ATTENTION",
                        "AT_RISK",
                        "HIBERNATING",
                        "LOST")),
        /** An RFM grid cell, the value "r-f", e.g. "5-4". */
        RFM_CELL("m.r_score = :r and m.f_score = :f", cells()),
        CLV_TIER("m.clv_tier = :value", List.of("MVC", "STC", "BZC")),
        LOYALTY("m.loyalty = :value", List.of("LOYAL", "LATENT", "SPURIOUS", "NONE", "UNKNOWN")),
        LIFECYCLE("m.lifecycle_stage = :value", List.of("EXPLORATION", "FORMATION", "STABILITY", "DECLINE")),
        CHURNED("m.churned", List.of()),
        AT_RISK("m.at_risk", List.of()),
        /** Expected to have bought again by today (last purchase + mean interval), neither lost nor at risk. */
        DUE_REORDER("m.next_purchase_expected <= :today and not m.churned", List.of());

        private final String condition;
        private final List<String> values;

        Slice(String condition, List<String> values) {
            this.condition = condition;
            this.values = values;
        }

        public List<String> classValues() {
            return values;
        }

        /** Whether {@code value} names one of this class's values (or is absent for a yes/no class). */
        public boolean accepts(@Nullable String value) {
            return values.isEmpty() ? value == null || value.isEmpty() : values.contains(value);
        }

        private static List<String> cells() {
            List<String> cells = new java.util.ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                for (int f = 1; f <= 5; f++) {
                    cells.add(r + "-" + f);
                }
            }
            return List.copyOf(cells);
        }
    }

    /** A class and, for classes with values, the value; built by {@link #of}, so always a valid pair. */
    public record Drill(Slice slice, @Nullable String value) {}

    /** The drill for the parameters of a request, or empty when they name no class or value. */
    public static Optional<Drill> of(@Nullable String slice, @Nullable String value) {
        if (slice == null) {
            return Optional.empty();
        }
        Slice chosen;
        try {
            chosen = Slice.valueOf(slice);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String normalised = value == null || value.isEmpty() ? null : value;
        return chosen.accepts(normalised) ? Optional.of(new Drill(chosen, normalised)) : Optional.empty();
    }

    /** One customer of the list, with the figures that put it there. */
    public record Row(
            long customerId,
            String code,
            String name,
            String ownerName,
            BigDecimal profit12m,
            long profitRank,
            BigDecimal revenue12m,
            String valueTier,
            @Nullable String rfmSegment,
            @Nullable BigDecimal clv,
            @Nullable String clvTier,
            @Nullable Double pAlive,
            @Nullable String loyalty,
            @Nullable String lifecycleStage,
            @Nullable LocalDate lastPurchase,
            @Nullable LocalDate nextPurchaseExpected,
            boolean churned,
            boolean atRisk) {}

    public PageView<Row> page(Drill drill, CurrentUser user, int page) {
        OwnerScope scope = access.readScope(user);
        int number = Math.max(page, 0);
        String fromWhere = fromWhere(drill, scope);
        Map<String, Object> params = params(drill, scope);
        List<Row> rows = PagedSql.bind(
                        jdbc.sql(select() + " from " + fromWhere
                                + " order by m.profit_rank, m.customer_id limit :limit offset :offset"),
                        params)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) number * PAGE_SIZE)
                .query(CustomerDrill::row)
                .list();
        return PagedSql.page(jdbc, rows, number, PAGE_SIZE, fromWhere, params);
    }

    /** Every customer of the list in the list's order, for an export; inside this read-only transaction. */
    public void stream(Drill drill, CurrentUser user, ExportSink<Row> sink) {
        OwnerScope scope = access.readScope(user);
        PagedSql.stream(
                PagedSql.bind(
                        jdbc.sql(select() + " from " + fromWhere(drill, scope)
                                + " order by m.profit_rank, m.customer_id"),
                        params(drill, scope)),
                CustomerDrill::row,
                sink);
    }

    private static String select() {
        return """
                select m.customer_id, c.code, c.name, u.display_name, m.profit_12m, m.profit_rank, m.revenue_12m,
                       m.value_tier, m.rfm_segment, m.clv, m.clv_tier, m.p_alive, m.loyalty, m.lifecycle_stage,
                       m.last_purchase, m.next_purchase_expected, m.churned, m.at_risk""";
    }

    private static String fromWhere(Drill drill, OwnerScope scope) {
        return "customer_metrics m join analytics_customer_v c on c.id = m.customer_id"
                + " join analytics_user_v u on u.id = m.owner_id where " + drill.slice().condition + " and "
                + ScopeSql.condition(scope, "m.owner_id");
    }

    private Map<String, Object> params(Drill drill, OwnerScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        switch (drill.slice()) {
            case RFM_CELL -> {
                String[] rf = java.util.Objects.requireNonNull(drill.value()).split("-");
                params.put("r", Integer.parseInt(rf[0]));
                params.put("f", Integer.parseInt(rf[1]));
            }
            case DUE_REORDER -> params.put("today", LocalDate.now(clock));
            case CHURNED, AT_RISK -> {}
            default -> params.put("value", java.util.Objects.requireNonNull(drill.value()));
        }
        if (!scope.all() && !scope.isEmpty()) {
            params.put("owners", scope.ownerIdArray());
        }
        return params;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getLong(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBigDecimal(10),
                rs.getString(11),
                (Double) rs.getObject(12),
                rs.getString(13),
                rs.getString(14),
                rs.getObject(15, LocalDate.class),
                rs.getObject(16, LocalDate.class),
                rs.getBoolean(17),
                rs.getBoolean(18));
    }
}

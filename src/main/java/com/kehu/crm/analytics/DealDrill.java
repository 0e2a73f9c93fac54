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
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals behind a figure of the funnel: those created in the period that reached a stage (reaching a later stage
 * counts as having passed it, as in {@link FunnelReport}'s cohort), within the reader's record rules and, if asked,
 * the reader's own deals; newest first, 50 a page, or all of them for an export.
 */
@Service
@Transactional(readOnly = true)
public class DealDrill {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    DealDrill(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public record Row(
            long id,
            String name,
            @Nullable String customerName,
            String ownerName,
            String stage,
            BigDecimal amount,
            String currency,
            Instant createdAt,
            @Nullable LocalDate closedOn) {}

    /** Whether {@code stage} is a stage of the funnel (LOST is not: lost deals reached some stage before). */
    public static boolean isFunnelStage(@Nullable String stage) {
        return stage != null && FunnelReport.STAGES.contains(stage);
    }

    public PageView<Row> page(String stage, LocalDate from, LocalDate to, boolean mine, CurrentUser user, int page) {
        int number = Math.max(page, 0);
        OwnerScope scope = scope(mine, user);
        String fromWhere = fromWhere(scope);
        Map<String, Object> params = params(stage, from, to, scope);
        List<Row> rows = PagedSql.bind(
                        jdbc.sql(SELECT + " from " + fromWhere
                                + " order by o.created_at desc, o.id desc limit :limit offset :offset"),
                        params)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) number * PAGE_SIZE)
                .query(DealDrill::row)
                .list();
        return PagedSql.page(jdbc, rows, number, PAGE_SIZE, fromWhere, params);
    }

    public void stream(
            String stage, LocalDate from, LocalDate to, boolean mine, CurrentUser user, ExportSink<Row> sink) {
        OwnerScope scope = scope(mine, user);
        PagedSql.stream(
                PagedSql.bind(
                        jdbc.sql(SELECT + " from " + fromWhere(scope) + " order by o.created_at desc, o.id desc"),
                        params(stage, from, to, scope)),
                DealDrill::row,
                sink);
    }

    private static final String SELECT = """
            select o.id, o.name, c.name, u.display_name, o.stage, o.amount, o.currency, o.created_at, o.closed_on""";

    private static String fromWhere(OwnerScope scope) {
        return """
                analytics_opportunity_v o
                join analytics_user_v u on u.id = o.owner_id
                left join analytics_customer_v c on c.id = o.customer_id
                where o.created_at >= :from and o.created_at < :to_end
                  and exists (select 1 from analytics_stage_change_v s
                              where s.opportunity_id = o.id and s.to_stage = any(:reached))
                  and\s""" + ScopeSql.condition(scope, "o.owner_id");
    }

    private static Map<String, Object> params(String stage, LocalDate from, LocalDate to, OwnerScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to_end", to.plusDays(1));
        // reaching this stage or any later one
        List<String> stages = FunnelReport.STAGES;
        params.put(
                "reached", stages.subList(stages.indexOf(stage), stages.size()).toArray(String[]::new));
        if (!scope.all() && !scope.isEmpty()) {
            params.put("owners", scope.ownerIdArray());
        }
        return params;
    }

    private OwnerScope scope(boolean mine, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        if (!mine) {
            return scope;
        }
        return scope.includes(user.id()) ? OwnerScope.of(java.util.Set.of(user.id())) : OwnerScope.nobody();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getObject(9, LocalDate.class));
    }
}

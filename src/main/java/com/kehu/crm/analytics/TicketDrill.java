package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
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
 * The tickets behind a figure of the support report: opened in the period, all of them, those that missed their
 * first-response or resolution time (as {@link SupportReport} counts them: answered or resolved after the due time, or
 * still waiting past it), or the complaints (of one category), within the reader's record rules; newest first.
 */
@Service
@Transactional(readOnly = true)
public class TicketDrill {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    TicketDrill(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Which tickets of the period: each a constant condition. */
    public enum Filter {
        ALL("true"),
        RESPONSE_MISSED("(t.first_responded_at > t.first_response_due_at"
                + " or (t.first_responded_at is null and now() > t.first_response_due_at))"),
        RESOLUTION_MISSED(
                "(t.resolved_at > t.resolution_due_at or (t.resolved_at is null and now() > t.resolution_due_at))"),
        COMPLAINTS("t.type = 'COMPLAINT' and (cast(:category as text) is null or tc.code = :category)");

        private final String condition;

        Filter(String condition) {
            this.condition = condition;
        }
    }

    public record Row(
            long id,
            String number,
            String subject,
            String customerName,
            @Nullable String assigneeName,
            String type,
            @Nullable String categoryCode,
            String priority,
            String status,
            Instant createdAt,
            @Nullable Instant firstRespondedAt,
            @Nullable Instant resolvedAt) {}

    public PageView<Row> page(
            Filter filter, @Nullable String category, LocalDate from, LocalDate to, CurrentUser user, int page) {
        int number = Math.max(page, 0);
        OwnerScope scope = access.readScope(user);
        String fromWhere = fromWhere(filter, scope);
        Map<String, Object> params = params(category, from, to, scope);
        List<Row> rows = PagedSql.bind(
                        jdbc.sql(SELECT + " from " + fromWhere
                                + " order by t.created_at desc, t.id desc limit :limit offset :offset"),
                        params)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) number * PAGE_SIZE)
                .query(TicketDrill::row)
                .list();
        return PagedSql.page(jdbc, rows, number, PAGE_SIZE, fromWhere, params);
    }

    public void stream(
            Filter filter,
            @Nullable String category,
            LocalDate from,
            LocalDate to,
            CurrentUser user,
            ExportSink<Row> sink) {
        OwnerScope scope = access.readScope(user);
        PagedSql.stream(
                PagedSql.bind(
                        jdbc.sql(SELECT + " from " + fromWhere(filter, scope)
                                + " order by t.created_at desc, t.id desc"),
                        params(category, from, to, scope)),
                TicketDrill::row,
                sink);
    }

    private static final String SELECT = """
            select t.id, t.number, t.subject, c.name, u.display_name, t.type, tc.code, t.priority, t.status,
                   t.created_at, t.first_responded_at, t.resolved_at""";

    private static String fromWhere(Filter filter, OwnerScope scope) {
        return """
                analytics_ticket_v t
                join customer c on c.id = t.customer_id
                left join analytics_user_v u on u.id = t.assignee_id
                left join analytics_ticket_category_v tc on tc.id = t.category_id
                where t.created_at >= :from and t.created_at < :to_end and\s""" + filter.condition + " and " + ScopeSql.condition(scope, "c.owner_id");
    }

    private static Map<String, Object> params(
            @Nullable String category, LocalDate from, LocalDate to, OwnerScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to_end", to.plusDays(1));
        params.put("category", category);
        if (!scope.all() && !scope.isEmpty()) {
            params.put("owners", scope.ownerIdArray());
        }
        return params;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp responded = rs.getTimestamp(11);
        java.sql.Timestamp resolved = rs.getTimestamp(12);
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                responded == null ? null : responded.toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}

package com.kehu.crm.support;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.Role;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets: the queue, one ticket, a customer's tickets. The record rule is part of every statement: support
 * agents and admins see all tickets; sales reps the tickets of their customers; managers those of their team's
 * customers and those assigned to their team; marketers none. SQL is assembled from constant fragments only.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class TicketQueries {

    public static final int COUNT_CAP = PagedSql.COUNT_CAP;

    static final String OPEN = "t.status not in ('RESOLVED', 'CLOSED')";

    private static final String COLUMNS = """
            t.id, t.number, t.customer_id, c.name as customer_name, t.subject, t.type, t.channel,
            cat.name_en, cat.name_zh, t.priority, t.status, t.assignee_id, a.display_name as assignee_name,
            t.first_response_due_at, t.resolution_due_at, t.first_responded_at, t.resolved_at, t.escalation_level,
            case when t.first_responded_at is null
                 then t.status not in ('RESOLVED', 'CLOSED') and t.first_response_due_at < :now
                 else t.first_responded_at > t.first_response_due_at end as first_response_breached,
            coalesce(t.resolved_at, :now) > t.resolution_due_at as resolution_breached,
            t.created_at, t.version""";

    /** Names are joined after the page is cut, through the queue's partial indexes. */
    private static final String PAGE = "select " + COLUMNS + """

            from (select t.* from %s %s order by %s
                  limit :limit offset :offset) t
            join customer c on c.id = t.customer_id
            join ticket_category cat on cat.id = t.category_id
            left join app_user a on a.id = t.assignee_id
            order by %s""";

    private static final String ONE = "select " + COLUMNS + """
            , t.contact_id, ct.name as contact_name, t.order_id, o.order_number, t.category_id, t.description,
              t.resolution_summary, t.compensation_requested, t.compensation_granted, t.compensation_amount,
              t.remedial_action, t.closed_at, cb.display_name as created_by_name, c.owner_id as customer_owner_id
            from ticket t
            join customer c on c.id = t.customer_id
            join ticket_category cat on cat.id = t.category_id
            left join app_user a on a.id = t.assignee_id
            left join app_user cb on cb.id = t.created_by
            left join contact ct on ct.id = t.contact_id
            left join sales_order o on o.id = t.order_id
            where t.id = :id""";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerQueries customers;
    private final BusinessCalendar calendar;
    private final SupportProperties properties;

    public PageView<TicketRow> list(
            TicketFilter filter, TicketSort sort, boolean descending, int page, int size, CurrentUser user) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        Sql sql = new Sql();
        String where = where(filter, user, calendar.now(), sql);
        if (where == null) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        String orderBy = sort.orderBy(descending);
        // the customer is joined before the page is cut only when the record rule needs its owner: for agents the
        // capped count then stops after 1,001 entries of a queue index instead of joining every match
        // (bench/tickets.sh)
        String from = where.contains("c.owner_id") ? "ticket t join customer c on c.id = t.customer_id" : "ticket t";
        List<TicketRow> rows = sql.bind(jdbc.sql(PAGE.formatted(from, where, orderBy, orderBy)))
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(TicketQueries::row)
                .list();
        Map<String, Object> countParams = new LinkedHashMap<>(sql.params);
        return PagedSql.page(jdbc, rows, safePage, safeSize, from + where, countParams);
    }

    /** The customer 360's tickets tab and the problem history (客户历史问题记录): the newest first. */
    public List<TicketRow> forCustomer(long customerId, int limit, CurrentUser user) {
        if (!canSeeCustomerTickets(customerId, user)) {
            throw CustomerNotFoundException.forId(customerId);
        }
        Sql sql = new Sql();
        sql.params.put("customerId", customerId);
        sql.params.put("now", Timestamp.from(calendar.now()));
        String orderBy = "t.created_at desc, t.id desc";
        return sql.bind(jdbc.sql(PAGE.formatted("ticket t", " where t.customer_id = :customerId", orderBy, orderBy)))
                .param("limit", Math.min(Math.max(limit, 1), 100))
                .param("offset", 0)
                .query(TicketQueries::row)
                .list();
    }

    public TicketDetails details(long id, CurrentUser user) {
        Head head = jdbc.sql(ONE)
                .param("id", id)
                .param("now", Timestamp.from(calendar.now()))
                .query((rs, n) -> new Head(
                        row(rs, n),
                        rs.getLong("customer_owner_id"),
                        rs.getObject("contact_id", Long.class),
                        rs.getString("contact_name"),
                        rs.getObject("order_id", Long.class),
                        rs.getString("order_number"),
                        rs.getLong("category_id"),
                        rs.getString("description"),
                        rs.getString("resolution_summary"),
                        rs.getString("compensation_requested"),
                        rs.getString("compensation_granted"),
                        rs.getBigDecimal("compensation_amount"),
                        rs.getString("remedial_action"),
                        instant(rs, "closed_at"),
                        rs.getString("created_by_name")))
                .optional()
                .filter(h -> canSee(user, h.customerOwnerId(), h.row().assigneeId()))
                .orElseThrow(() -> TicketNotFoundException.forId(id));
        List<TicketDetails.Event> timeline = new ArrayList<>(jdbc.sql("""
                        select h.from_status, h.to_status, h.changed_at, u.display_name
                        from ticket_status_change h left join app_user u on u.id = h.changed_by
                        where h.ticket_id = :id order by h.changed_at, h.id""")
                .param("id", id)
                .query((rs, n) -> new TicketDetails.Event(
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("display_name"),
                        rs.getString("from_status") == null ? null : TicketStatus.valueOf(rs.getString("from_status")),
                        TicketStatus.valueOf(rs.getString("to_status")),
                        null,
                        false))
                .list());
        timeline.addAll(jdbc.sql("""
                        select m.body, m.internal, m.created_at, u.display_name
                        from ticket_comment m left join app_user u on u.id = m.author_id
                        where m.ticket_id = :id order by m.created_at, m.id""")
                .param("id", id)
                .query((rs, n) -> new TicketDetails.Event(
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("display_name"),
                        null,
                        null,
                        rs.getString("body"),
                        rs.getBoolean("internal")))
                .list());
        timeline.sort(Comparator.comparing(TicketDetails.Event::at));
        TicketRow row = head.row();
        boolean workable = isAgent(user);
        Set<TicketStatus> next = EnumSet.noneOf(TicketStatus.class);
        if (workable) {
            next.addAll(row.status().allowedNext());
            next.remove(TicketStatus.ASSIGNED);
        }
        boolean reopenable = row.status() == TicketStatus.RESOLVED
                && row.resolvedAt() != null
                && !calendar.now().isAfter(row.resolvedAt().plus(properties.reopenWindow()));
        if (row.status() == TicketStatus.RESOLVED && !reopenable) {
            next.remove(TicketStatus.IN_PROGRESS);
        }
        return new TicketDetails(
                row,
                head.contactId(),
                head.contactName(),
                head.orderId(),
                head.orderNumber(),
                head.categoryId(),
                head.description(),
                head.resolutionSummary(),
                head.compensationRequested(),
                head.compensationGranted(),
                head.compensationAmount(),
                head.remedialAction(),
                head.closedAt(),
                head.createdByName(),
                workable,
                row.status() != TicketStatus.CLOSED,
                reopenable,
                next,
                List.copyOf(timeline));
    }

    /** Whether the user sees the ticket (then it exists for them), without loading it. */
    public boolean isVisible(long id, CurrentUser user) {
        return jdbc.sql("""
                        select c.owner_id, t.assignee_id from ticket t join customer c on c.id = t.customer_id
                        where t.id = :id""")
                .param("id", id)
                .query((rs, n) -> canSee(user, rs.getLong("owner_id"), rs.getObject("assignee_id", Long.class)))
                .optional()
                .orElse(false);
    }

    /** Everyone who sees the customer sees its tickets; a marketer nobody's. */
    public boolean canSeeCustomerTickets(long customerId, CurrentUser user) {
        return user.role() != Role.MARKETER && customers.accessTo(customerId, user) != CustomerAccessLevel.NONE;
    }

    /** Support agents and those above them work tickets; sales reps log them and comment. */
    public static boolean isAgent(CurrentUser user) {
        return user.role() == Role.SUPPORT_AGENT || user.isManager() || user.isAdmin();
    }

    public List<TicketCategory> categories(boolean activeOnly) {
        return jdbc.sql("select id, code, name_en, name_zh, active, position from ticket_category"
                        + (activeOnly ? " where active" : "") + " order by position, id")
                .query((rs, n) -> new TicketCategory(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_en"),
                        rs.getString("name_zh"),
                        rs.getBoolean("active"),
                        rs.getInt("position")))
                .list();
    }

    public List<TicketAssignee> assignees() {
        return jdbc.sql("""
                        select id, display_name from app_user
                        where enabled and role in ('SUPPORT_AGENT', 'MANAGER') order by display_name, id""")
                .query((rs, n) -> new TicketAssignee(rs.getLong("id"), rs.getString("display_name")))
                .list();
    }

    boolean canSee(CurrentUser user, long customerOwnerId, @Nullable Long assigneeId) {
        return switch (user.role()) {
            case ADMIN, SUPPORT_AGENT -> true;
            case MARKETER -> false;
            case SALES_REP -> access.readScope(user).includes(customerOwnerId);
            case MANAGER -> {
                OwnerScope team = access.readScope(user);
                yield team.includes(customerOwnerId) || (assigneeId != null && team.includes(assigneeId));
            }
        };
    }

    /** The list's WHERE clause (constant fragments), its values put into {@code sql}; null when nothing is visible. */
    private @Nullable String where(TicketFilter filter, CurrentUser user, Instant now, Sql sql) {
        StringBuilder where = new StringBuilder(" where true");
        if (!scopeCondition(user, where, sql)) {
            return null;
        }
        switch (filter.view()) {
            case MINE -> {
                where.append(" and t.assignee_id = :me and ").append(OPEN);
                sql.params.put("me", user.id());
            }
            case UNASSIGNED -> where.append(" and t.assignee_id is null and ").append(OPEN);
            case BREACHING -> {
                where.append(" and ")
                        .append(OPEN)
                        .append(" and (t.resolution_due_at <= :soon")
                        .append(" or (t.first_responded_at is null and t.first_response_due_at <= :soon))");
                sql.params.put(
                        "soon", Timestamp.from(now.plus(properties.escalation().warnBefore())));
            }
            case ESCALATED -> where.append(" and t.escalation_level > 0 and ").append(OPEN);
            case ALL -> {}
        }
        if (filter.status() != null) {
            where.append(" and t.status = :status");
            sql.params.put("status", filter.status().name());
        }
        if (filter.assigneeId() != null) {
            where.append(" and t.assignee_id = :assigneeId");
            sql.params.put("assigneeId", filter.assigneeId());
        }
        if (filter.customerId() != null) {
            where.append(" and t.customer_id = :customerId");
            sql.params.put("customerId", filter.customerId());
        }
        if (filter.breached()) {
            where.append(" and ")
                    .append(OPEN)
                    .append(" and (t.resolution_due_at < :now")
                    .append(" or (t.first_responded_at is null and t.first_response_due_at < :now))");
        }
        sql.params.put("now", Timestamp.from(now));
        return where.toString();
    }

    /**
     * Every ticket the list would show for this view and filter, in its order, without paging, streamed to
     * {@code sink} inside this read-only transaction.
     */
    public void stream(
            TicketFilter filter, TicketSort sort, boolean descending, CurrentUser user, ExportSink<TicketRow> sink) {
        Sql sql = new Sql();
        String where = where(filter, user, calendar.now(), sql);
        if (where == null) {
            return;
        }
        // the list's WHERE and ORDER BY fragments; every value is a bound parameter
        PagedSql.stream(
                sql.bind(jdbc.sql("select " + COLUMNS + """

                                from ticket t
                                join customer c on c.id = t.customer_id
                                join ticket_category cat on cat.id = t.category_id
                                left join app_user a on a.id = t.assignee_id""" + where + " order by " + sort.orderBy(descending))),
                TicketQueries::row,
                sink);
    }

    /** Appends the record rule; false when the user sees no tickets at all. */
    private boolean scopeCondition(CurrentUser user, StringBuilder where, Sql sql) {
        switch (user.role()) {
            case ADMIN, SUPPORT_AGENT -> {
                return true;
            }
            case MARKETER -> {
                return false;
            }
            default -> {
                OwnerScope scope = access.readScope(user);
                if (scope.all()) {
                    return true;
                }
                if (scope.isEmpty()) {
                    return false;
                }
                sql.params.put("ownerIds", List.copyOf(scope.ownerIds()));
                where.append(
                        user.isManager()
                                ? " and (c.owner_id in (:ownerIds) or t.assignee_id in (:ownerIds))"
                                : " and c.owner_id in (:ownerIds)");
                return true;
            }
        }
    }

    private static TicketRow row(ResultSet rs, int rowNum) throws SQLException {
        return new TicketRow(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                rs.getString("subject"),
                TicketType.valueOf(rs.getString("type")),
                TicketChannel.valueOf(rs.getString("channel")),
                rs.getString("name_en"),
                rs.getString("name_zh"),
                TicketPriority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getObject("assignee_id", Long.class),
                rs.getString("assignee_name"),
                rs.getTimestamp("first_response_due_at").toInstant(),
                rs.getTimestamp("resolution_due_at").toInstant(),
                instant(rs, "first_responded_at"),
                instant(rs, "resolved_at"),
                rs.getInt("escalation_level"),
                rs.getBoolean("first_response_breached"),
                rs.getBoolean("resolution_breached"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record Head(
            TicketRow row,
            long customerOwnerId,
            @Nullable Long contactId,
            @Nullable String contactName,
            @Nullable Long orderId,
            @Nullable String orderNumber,
            long categoryId,
            @Nullable String description,
            @Nullable String resolutionSummary,
            @Nullable String compensationRequested,
            @Nullable String compensationGranted,
            java.math.@Nullable BigDecimal compensationAmount,
            @Nullable String remedialAction,
            @Nullable Instant closedAt,
            @Nullable String createdByName) {}

    private static final class Sql {
        private final Map<String, Object> params = new LinkedHashMap<>();

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return PagedSql.bind(spec, params);
        }
    }
}

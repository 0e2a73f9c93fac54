package com.kehu.crm.support;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.Role;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads call records. Support agents and admins see every call; sellers and managers the calls of customers they
 * may read, and the calls without a customer logged by themselves (or their team); marketers none. The record rule
 * is part of the WHERE clause (a join to the customer), so a page is one statement plus the capped count.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CallQueries {

    private static final String FROM = " call_record r left join customer c on c.id = r.customer_id";

    /** Names are joined after the page is cut: 25 look-ups, not one per matching call. */
    private static final String PAGE = """
            select r.*, c.name as customer_name, ct.name as contact_name, u.display_name as agent_name
            from (select r.* from %s %s order by r.started_at desc, r.id desc limit :limit offset :offset) r
            left join customer c on c.id = r.customer_id
            left join contact ct on ct.id = r.contact_id
            join app_user u on u.id = r.agent_id
            order by r.started_at desc, r.id desc""";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerQueries customers;
    private final KbTicketAccess tickets;

    /** Filters of the list; all optional. */
    public record Filter(
            @Nullable Long customerId,
            @Nullable Long ticketId,
            @Nullable Long agentId) {}

    public PageView<CallRow> list(Filter filter, int page, int size, CurrentUser user) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = visibility(user, params);
        if (where == null) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        if (filter.customerId() != null) {
            where.append(" and r.customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.ticketId() != null) {
            where.append(" and r.ticket_id = :ticketId");
            params.put("ticketId", filter.ticketId());
        }
        if (filter.agentId() != null) {
            where.append(" and r.agent_id = :agentId");
            params.put("agentId", filter.agentId());
        }
        // the fragments are constants of this class; every value is a bound parameter
        var rows = PagedSql.bind(jdbc.sql(PAGE.formatted(FROM, where)), params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(CallQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, FROM + where, params);
    }

    public List<CallRow> forTicket(long ticketId, CurrentUser user) {
        tickets.requireVisible(ticketId, user);
        return list(new Filter(null, ticketId, null), 0, 50, user).content();
    }

    public List<CallRow> forCustomer(long customerId, CurrentUser user) {
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        return list(new Filter(customerId, null, null), 0, 50, user).content();
    }

    public CallRow details(long id, CurrentUser user) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = visibility(user, params);
        if (where == null) {
            throw CallNotFoundException.forId(id);
        }
        where.append(" and r.id = :id");
        params.put("id", id);
        return PagedSql.bind(jdbc.sql(PAGE.formatted(FROM, where)), params)
                .param("limit", 1)
                .param("offset", 0)
                .query(CallQueries::row)
                .optional()
                .orElseThrow(() -> CallNotFoundException.forId(id));
    }

    public boolean canEdit(CallRow call, CurrentUser user) {
        return !user.is(Role.SALES_REP) || call.agentId() == user.id();
    }

    /** Who sees all calls by default on the list (the others see their own). */
    public static boolean seesEveryonesCalls(CurrentUser user) {
        return !user.is(Role.SALES_REP);
    }

    static boolean canUseCalls(CurrentUser user) {
        return !user.is(Role.MARKETER);
    }

    private @Nullable StringBuilder visibility(CurrentUser user, Map<String, Object> params) {
        if (!canUseCalls(user)) {
            return null;
        }
        if (KbTicketAccess.seesAllTickets(user)) {
            return new StringBuilder(" where true");
        }
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return null;
        }
        if (scope.all()) {
            return new StringBuilder(" where true");
        }
        params.put("ownerIds", List.copyOf(scope.ownerIds()));
        return new StringBuilder(
                " where (c.owner_id in (:ownerIds) or (r.customer_id is null and r.agent_id in (:ownerIds)))");
    }

    private static CallRow row(ResultSet rs, int rowNum) throws SQLException {
        long customerId = rs.getLong("customer_id");
        boolean noCustomer = rs.wasNull();
        long contactId = rs.getLong("contact_id");
        boolean noContact = rs.wasNull();
        long ticketId = rs.getLong("ticket_id");
        boolean noTicket = rs.wasNull();
        return new CallRow(
                rs.getLong("id"),
                CallDirection.valueOf(rs.getString("direction")),
                rs.getString("phone"),
                noCustomer ? null : customerId,
                rs.getString("customer_name"),
                noContact ? null : contactId,
                rs.getString("contact_name"),
                rs.getLong("agent_id"),
                rs.getString("agent_name"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getInt("duration_seconds"),
                CallOutcome.valueOf(rs.getString("outcome")),
                rs.getString("notes"),
                noTicket ? null : ticketId,
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

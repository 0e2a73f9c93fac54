package com.kehu.crm.order;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders. The record rule is the customer's: statements join the customer for its owner and name (a read of
 * the customer module's table, kept to this one join so a page is one statement plus a capped count).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class OrderQueries {

    public static final int COUNT_CAP = PagedSql.COUNT_CAP;

    private static final String SELECT = """
            select o.id, o.order_number, o.customer_id, c.name as customer_name, o.order_date, o.currency, o.status,
                   o.total_amount, o.paid_amount, o.version
            from sales_order o join customer c on c.id = o.customer_id
            """;

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerQueries customers;
    private final UserQueries users;

    public PageView<OrderRow> list(OrderFilter filter, int page, int size, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, scope, params);
        // fragments are constants of this class; every value is a bound parameter
        List<OrderRow> rows = PagedSql.bind(
                        jdbc.sql(SELECT + where + " order by o.order_date desc, o.id desc limit :limit offset :offset"),
                        params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(OrderQueries::row)
                .list();
        return PagedSql.page(
                jdbc,
                rows,
                safePage,
                safeSize,
                "sales_order o join customer c on c.id = o.customer_id" + where,
                params);
    }

    /** The list's WHERE clause (constant fragments), its values put into {@code params}. */
    private static String where(OrderFilter filter, OwnerScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (!scope.all()) {
            where.append(" and c.owner_id in (:ownerIds)");
            params.put("ownerIds", List.copyOf(scope.ownerIds()));
        }
        if (filter.customerId() != null) {
            where.append(" and o.customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            where.append(" and o.order_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and o.order_date <= :to");
            params.put("to", filter.to());
        }
        String term = filter.term() == null || filter.term().isBlank()
                ? null
                : filter.term().strip();
        if (term != null) {
            List<String> branches = new ArrayList<>();
            branches.add(TextSearch.nameCondition("c", term.toLowerCase(Locale.ROOT), params));
            branches.add("o.order_number like :numberPrefix escape '\\'");
            params.put("numberPrefix", TextSearch.escapeLike(term.toUpperCase(Locale.ROOT)) + "%");
            where.append(" and (").append(String.join(" or ", branches)).append(")");
        }
        return where.toString();
    }

    /** Every order the list would show for this filter, newest first, streamed inside this read-only transaction. */
    public void stream(OrderFilter filter, CurrentUser user, ExportSink<OrderRow> sink) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, scope, params);
        PagedSql.stream(
                PagedSql.bind(jdbc.sql(SELECT + where + " order by o.order_date desc, o.id desc"), params),
                OrderQueries::row,
                sink);
    }

    /** The customer 360's orders tab: the newest 50. */
    public List<OrderRow> forCustomer(long customerId, CurrentUser user) {
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        return jdbc.sql(SELECT + " where o.customer_id = :customerId order by o.order_date desc, o.id desc limit 50")
                .param("customerId", customerId)
                .query(OrderQueries::row)
                .list();
    }

    public OrderRow row(long id, CurrentUser user) {
        OrderRow row = jdbc.sql(SELECT + " where o.id = :id")
                .param("id", id)
                .query(OrderQueries::row)
                .optional()
                .orElseThrow(() -> OrderNotFoundException.forId(id));
        if (customers.accessTo(row.customerId(), user) == CustomerAccessLevel.NONE) {
            throw OrderNotFoundException.forId(id);
        }
        return row;
    }

    public OrderDetails details(long id, CurrentUser user) {
        var head = jdbc.sql("""
                        select o.*, c.name as customer_name from sales_order o
                        join customer c on c.id = o.customer_id where o.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Head(
                        rs.getLong("customer_id"),
                        rs.getString("customer_name"),
                        rs.getString("order_number"),
                        (Long) rs.getObject("source_opportunity_id"),
                        rs.getDate("order_date").toLocalDate(),
                        rs.getString("currency"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("total_amount"),
                        rs.getBigDecimal("cost_amount"),
                        rs.getBigDecimal("paid_amount"),
                        rs.getLong("version"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional()
                .orElseThrow(() -> OrderNotFoundException.forId(id));
        CustomerAccessLevel level = customers.accessTo(head.customerId, user);
        if (level == CustomerAccessLevel.NONE) {
            throw OrderNotFoundException.forId(id);
        }
        boolean editable = level == CustomerAccessLevel.WRITE;
        List<OrderDetails.Line> lines = jdbc.sql("""
                        select l.line_no, l.product_id, p.code, p.name, p.unit, l.quantity, l.unit_price,
                               l.discount_percent, l.net_amount
                        from order_line l join product p on p.id = l.product_id
                        where l.order_id = :id order by l.line_no""")
                .param("id", id)
                .query((rs, n) -> new OrderDetails.Line(
                        rs.getInt("line_no"),
                        rs.getLong("product_id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("unit"),
                        rs.getBigDecimal("quantity").stripTrailingZeros(),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("discount_percent"),
                        rs.getBigDecimal("net_amount")))
                .list();
        record RawPayment(
                long id,
                BigDecimal amount,
                java.time.LocalDate paidOn,
                PaymentMethod method,
                @Nullable String ref,
                long by,
                java.time.Instant at) {}
        List<RawPayment> payments = jdbc.sql("""
                        select id, amount, paid_on, method, reference, recorded_by, recorded_at
                        from payment where order_id = :id order by paid_on, id""")
                .param("id", id)
                .query((rs, n) -> new RawPayment(
                        rs.getLong("id"),
                        rs.getBigDecimal("amount"),
                        rs.getDate("paid_on").toLocalDate(),
                        PaymentMethod.valueOf(rs.getString("method")),
                        rs.getString("reference"),
                        rs.getLong("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        record RawChange(
                @Nullable OrderStatus from,
                OrderStatus to,
                @Nullable Long by,
                java.time.Instant at) {}
        List<RawChange> changes = jdbc.sql("""
                        select from_status, to_status, changed_by, changed_at
                        from order_status_change where order_id = :id order by changed_at desc, id desc""")
                .param("id", id)
                .query((rs, n) -> new RawChange(
                        rs.getString("from_status") == null ? null : OrderStatus.valueOf(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")),
                        (Long) rs.getObject("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
        Set<Long> userIds = new HashSet<>();
        payments.forEach(p -> userIds.add(p.by()));
        changes.stream().map(RawChange::by).filter(java.util.Objects::nonNull).forEach(userIds::add);
        Map<Long, UserRef> refs = userIds.isEmpty() ? Map.of() : users.refsByIds(userIds);
        boolean showMargin = seesMargin(user);
        BigDecimal outstanding =
                head.status == OrderStatus.CANCELLED ? BigDecimal.ZERO.setScale(2) : head.total.subtract(head.paid);
        return new OrderDetails(
                id,
                head.number,
                head.customerId,
                head.customerName,
                head.opportunityId,
                head.orderDate,
                head.currency,
                head.status,
                head.total,
                showMargin ? head.cost : null,
                showMargin ? head.total.subtract(head.cost) : null,
                showMargin ? SalesOrder.marginPercent(head.total, head.cost) : null,
                head.paid,
                outstanding,
                head.version,
                head.createdAt,
                editable,
                editable ? head.status.allowedNext() : Set.of(),
                lines,
                payments.stream()
                        .map(p -> new OrderDetails.PaymentEntry(
                                p.id(), p.amount(), p.paidOn(), p.method(), p.ref(), nameOf(refs, p.by()), p.at()))
                        .toList(),
                changes.stream()
                        .map(c -> new OrderDetails.StatusChange(c.from(), c.to(), nameOf(refs, c.by()), c.at()))
                        .toList());
    }

    public boolean canEdit(long customerId, CurrentUser user) {
        return customers.accessTo(customerId, user) == CustomerAccessLevel.WRITE;
    }

    /** Cost and margin are management information. */
    public boolean seesMargin(CurrentUser user) {
        return user.role() == Role.MANAGER || user.role() == Role.ADMIN;
    }

    private static @Nullable String nameOf(Map<Long, UserRef> refs, @Nullable Long userId) {
        UserRef ref = userId == null ? null : refs.get(userId);
        return ref == null ? null : ref.displayName();
    }

    private record Head(
            long customerId,
            String customerName,
            String number,
            @Nullable Long opportunityId,
            java.time.LocalDate orderDate,
            String currency,
            OrderStatus status,
            BigDecimal total,
            BigDecimal cost,
            BigDecimal paid,
            long version,
            java.time.Instant createdAt) {}

    private static OrderRow row(ResultSet rs, int rowNum) throws SQLException {
        OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
        BigDecimal total = rs.getBigDecimal("total_amount");
        BigDecimal paid = rs.getBigDecimal("paid_amount");
        return new OrderRow(
                rs.getLong("id"),
                rs.getString("order_number"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                rs.getDate("order_date").toLocalDate(),
                rs.getString("currency"),
                status,
                total,
                paid,
                status == OrderStatus.CANCELLED ? BigDecimal.ZERO.setScale(2) : total.subtract(paid),
                rs.getLong("version"));
    }
}

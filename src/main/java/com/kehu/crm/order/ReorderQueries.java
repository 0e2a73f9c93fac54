package com.kehu.crm.order;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reorder reminders (王永庆's rice shop): the customers whose expected next purchase ({@code customer_purchase}, the
 * last purchase + their median interval) falls by today + the lookahead, and not so long ago that they have lapsed.
 * The record rule is the customer's owner, in the SQL. For an owner scope the statement first takes the owners'
 * customers ({@code customer_owner_name_idx}; the {@code offset 0} keeps the planner from merging it) and probes
 * {@code customer_purchase} by key: about 40 ms for a rep with 10,000 customers among a million, where walking the
 * date window instead cost 0.2-1.1 s whenever few of the window's customers were the rep's (docs/architecture.md).
 * Admins walk {@code customer_purchase_next_idx} over the window in order and stop at the page's limit.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ReorderQueries {

    private static final String FROM = """
            customer_purchase p join customer c on c.id = p.customer_id join app_user u on u.id = c.owner_id
            where p.next_expected_on between :from and :until and p.purchase_days >= :minDays
              and not c.archived and c.status <> 'LOST'""";

    private static final String FROM_OWNED = """
            (select c.id, c.name, c.owner_id from customer c
             where c.owner_id = any(:owners) and not c.archived and c.status <> 'LOST' offset 0) c
            join customer_purchase p on p.customer_id = c.id join app_user u on u.id = c.owner_id
            where p.next_expected_on between :from and :until and p.purchase_days >= :minDays""";

    private static final String SELECT = """
            select p.customer_id, c.name, c.owner_id, u.display_name, p.last_order_on, p.median_interval_days,
                   p.next_expected_on, :today - p.next_expected_on as days_overdue, p.purchase_days, p.total_amount
            from """;

    private static final int MAX_WITHIN = 365;

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final BusinessCalendar calendar;
    private final ReorderProperties properties;

    /** One page of the customers due to reorder that the user may see, soonest expected first. */
    public PageView<ReorderRow> due(ReorderFilter filter, int page, int size, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (filter.ownerId() != null) {
            scope = scope.includes(filter.ownerId()) ? OwnerScope.of(Set.of(filter.ownerId())) : OwnerScope.nobody();
        }
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        LocalDate today = calendar.today();
        Map<String, Object> params = window(today, filter);
        String from = FROM;
        if (!scope.all()) {
            from = FROM_OWNED;
            params.put("owners", scope.ownerIdArray());
        }
        // the fragments are constants of this class; every value is a bound parameter
        List<ReorderRow> rows = PagedSql.bind(
                        jdbc.sql(SELECT + " " + from
                                + " order by p.next_expected_on, p.customer_id limit :limit offset :offset"),
                        params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(ReorderQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, from, params);
    }

    /** "My day": the user's own customers due to reorder, at most {@code limit}, soonest expected first. */
    public List<ReorderRow> topFor(long ownerId, int limit) {
        Map<String, Object> params = window(calendar.today(), ReorderFilter.none());
        params.put("owners", new Long[] {ownerId});
        return PagedSql.bind(
                        jdbc.sql(
                                SELECT + " " + FROM_OWNED + " order by p.next_expected_on, p.customer_id limit :limit"),
                        params)
                .param("limit", limit)
                .query(ReorderQueries::row)
                .list();
    }

    private Map<String, Object> window(LocalDate today, ReorderFilter filter) {
        int within = filter.withinDays() == null
                ? properties.lookaheadDays()
                : Math.min(Math.max(filter.withinDays(), 0), MAX_WITHIN);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", today);
        params.put("from", today.minusDays(properties.maxOverdueDays()));
        params.put("until", filter.overdueOnly() ? today.minusDays(1) : today.plusDays(within));
        params.put("minDays", properties.minPurchaseDays());
        return params;
    }

    private static ReorderRow row(ResultSet rs, int n) throws SQLException {
        return new ReorderRow(
                rs.getLong("customer_id"),
                rs.getString("name"),
                rs.getLong("owner_id"),
                rs.getString("display_name"),
                rs.getObject("last_order_on", LocalDate.class),
                rs.getBigDecimal("median_interval_days"),
                rs.getObject("next_expected_on", LocalDate.class),
                rs.getInt("days_overdue"),
                rs.getInt("purchase_days"),
                rs.getBigDecimal("total_amount"));
    }
}

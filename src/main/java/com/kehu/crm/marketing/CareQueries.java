package com.kehu.crm.marketing;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.PageView;
import java.sql.Timestamp;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the care programmes and the tasks they created. The record rule is the customer's owner: reps see their own
 * customers' care tasks, managers their team's, marketers and admins everybody's (in the SQL, not by hiding rows).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CareQueries {

    private static final String TASK_FROM = """
            care_task t join care_item i on i.id = t.item_id join customer c on c.id = t.customer_id
            left join activity a on a.id = t.activity_id""";

    private static final String TASK_SELECT = """
            select t.id, t.item_id, i.title, i.kind, t.customer_id, c.name as customer_name,
                   ct.name as contact_name, coalesce(u.display_name, '') as owner_name,
                   t.occasion_on, a.id as activity_id, a.done, a.occurred_at < :asOf as late
            from\s""";

    private static final String TASK_JOINS = """

            left join contact ct on ct.id = t.contact_id
            left join app_user u on u.id = coalesce(a.owner_id, t.owner_id)""";

    private final JdbcClient jdbc;
    private final UserQueries users;
    private final BusinessCalendar calendar;
    private final CareProperties properties;

    /** Whose customers' care tasks the user sees. */
    public OwnerScope scope(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, MARKETER -> OwnerScope.everyone();
            case MANAGER, SALES_REP -> users.ownerScope(user);
            case SUPPORT_AGENT -> OwnerScope.nobody();
        };
    }

    /** Every item, by tier and kind, with its task counts of the last days: two statements however many items. */
    public List<CareItemView> programme(CurrentUser user) {
        OwnerScope scope = scope(user);
        Map<Long, long[]> stats = new HashMap<>();
        if (!scope.isEmpty()) {
            jdbc.sql("""
                            select t.item_id, count(*) as created, count(*) filter (where a.done) as done,
                                   count(*) filter (where a.id is not null and not a.done) as open,
                                   count(*) filter (where a.id is not null and not a.done and a.occurred_at < :now)
                                       as overdue
                            from care_task t join customer c on c.id = t.customer_id
                            left join activity a on a.id = t.activity_id
                            where t.occasion_on >= :since and (:all or c.owner_id = any(:owners))
                            group by t.item_id""")
                    .param("since", calendar.today().minusDays(properties.statsDays()))
                    .param("now", Timestamp.from(calendar.now()))
                    .param("all", scope.all())
                    .param("owners", scope.ownerIdArray())
                    .query(rs -> {
                        stats.put(rs.getLong("item_id"), new long[] {
                            rs.getLong("created"), rs.getLong("done"), rs.getLong("open"), rs.getLong("overdue")
                        });
                    });
        }
        return jdbc.sql("""
                        select id, tier, kind, title, holiday_name, occasion_month, occasion_day, interval_days,
                               lead_days, active, version
                        from care_item
                        order by case tier when 'VIP' then 0 when 'IMPORTANT' then 1 else 2 end, not active, kind, id""")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long[] s = stats.getOrDefault(id, new long[4]);
                    Integer month = rs.getObject("occasion_month", Integer.class);
                    Integer day = rs.getObject("occasion_day", Integer.class);
                    return new CareItemView(
                            id,
                            Importance.valueOf(rs.getString("tier")),
                            CareKind.valueOf(rs.getString("kind")),
                            rs.getString("title"),
                            rs.getString("holiday_name"),
                            month == null || day == null ? null : MonthDay.of(month, day),
                            rs.getObject("interval_days", Integer.class),
                            rs.getInt("lead_days"),
                            rs.getBoolean("active"),
                            rs.getLong("version"),
                            s[0],
                            s[1],
                            s[2],
                            s[3]);
                })
                .list();
    }

    public CareItemView item(long id, CurrentUser user) {
        return programme(user).stream()
                .filter(i -> i.id() == id)
                .findFirst()
                .orElseThrow(() -> new CareItemNotFoundException(id));
    }

    /** The created care tasks, newest occasion first, one page and a capped count. */
    public PageView<CareTaskRow> tasks(CareTaskFilter filter, int page, int size, CurrentUser user) {
        OwnerScope scope = scope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope.all()) {
            where.append(" and c.owner_id = any(:owners)");
            params.put("owners", scope.ownerIdArray());
        }
        if (filter.itemId() != null) {
            where.append(" and t.item_id = :itemId");
            params.put("itemId", filter.itemId());
        }
        if (filter.state() != null) {
            switch (filter.state()) {
                case DONE -> where.append(" and a.done");
                case OPEN -> where.append(" and not a.done");
                case OVERDUE -> {
                    where.append(" and not a.done and a.occurred_at < :now");
                    params.put("now", Timestamp.from(calendar.now()));
                }
            }
        }
        // the fragments are constants of this class; every value is a bound parameter
        List<CareTaskRow> rows = PagedSql.bind(
                        jdbc.sql(TASK_SELECT + TASK_FROM + TASK_JOINS + where
                                + " order by t.occasion_on desc, t.id desc limit :limit offset :offset"),
                        params)
                .param("asOf", Timestamp.from(calendar.now()))
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query((rs, n) -> {
                    Long activityId = rs.getObject("activity_id", Long.class);
                    boolean done = rs.getBoolean("done");
                    CareTaskState state = done
                            ? CareTaskState.DONE
                            : activityId != null && rs.getBoolean("late") ? CareTaskState.OVERDUE : CareTaskState.OPEN;
                    return new CareTaskRow(
                            rs.getLong("id"),
                            rs.getLong("item_id"),
                            rs.getString("title"),
                            CareKind.valueOf(rs.getString("kind")),
                            rs.getLong("customer_id"),
                            rs.getString("customer_name"),
                            rs.getString("contact_name"),
                            rs.getString("owner_name"),
                            rs.getObject("occasion_on", java.time.LocalDate.class),
                            activityId,
                            state);
                })
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, TASK_FROM + where, params);
    }
}

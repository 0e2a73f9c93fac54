package com.kehu.crm.activity;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.sales.LeadNotFoundException;
import com.kehu.crm.sales.LeadVisibility;
import com.kehu.crm.sales.OpportunityNotFoundException;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.web.PageView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads activities. Lists on one customer, lead or deal check the access to it once and then read the matching
 * index; the cross-record list of the API carries the record rule in its WHERE clause. The page is cut first and
 * the names of owner, customer, contact, deal and lead are joined to that page only. SQL is assembled from constant
 * fragments; every value is a bound parameter.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ActivityQueries {

    public static final int COUNT_CAP = PagedSql.COUNT_CAP;

    private static final String PAGE = """
            select a.*, u.display_name as owner_name, c.name as customer_name, ct.name as contact_name,
                   o.name as opportunity_name, coalesce(l.company_name, l.contact_name) as lead_name
            from (select * from activity a %s order by %s limit :limit offset :offset) a
            join app_user u on u.id = a.owner_id
            left join customer c on c.id = a.customer_id
            left join contact ct on ct.id = a.contact_id
            left join opportunity o on o.id = a.opportunity_id
            left join lead l on l.id = a.lead_id
            order by %s""";

    private static final String NEWEST_FIRST = "a.occurred_at desc, a.id desc";
    private static final String DUE_FIRST = "a.occurred_at, a.id";
    private static final String OPEN_TASK = " and a.type = 'TASK' and not a.done";

    private final JdbcClient jdbc;
    private final ActivitySubjects subjects;
    private final CustomerAccess customerAccess;
    private final UserQueries users;
    private final LeadVisibility leads;
    private final OpportunityQueries opportunities;

    public ActivityRow details(long id, CurrentUser user) {
        ActivityRow row = page(" where a.id = :id", NEWEST_FIRST, Map.of("id", id), 1, 0).stream()
                .findFirst()
                .orElseThrow(() -> ActivityNotFoundException.forId(id));
        if (subjects.accessTo(row.customerId(), row.leadId(), user) == CustomerAccessLevel.NONE) {
            throw ActivityNotFoundException.forId(id);
        }
        return row;
    }

    /** Whether the user may log activities on the customer or lead (the "log activity" buttons). */
    public boolean canLog(@Nullable Long customerId, @Nullable Long leadId, CurrentUser user) {
        return subjects.accessTo(customerId, leadId, user) == CustomerAccessLevel.WRITE;
    }

    public PageView<ActivityRow> forCustomer(long customerId, int page, int size, CurrentUser user) {
        if (subjects.accessTo(customerId, null, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        return list(" where a.customer_id = :customerId", Map.of("customerId", customerId), page, size);
    }

    public PageView<ActivityRow> forLead(long leadId, int page, int size, CurrentUser user) {
        if (!leads.isVisible(leadId, user)) {
            throw new LeadNotFoundException(leadId);
        }
        return list(" where a.lead_id = :leadId", Map.of("leadId", leadId), page, size);
    }

    public PageView<ActivityRow> forOpportunity(long opportunityId, int page, int size, CurrentUser user) {
        var deal = opportunities
                .ref(opportunityId, user)
                .orElseThrow(() -> OpportunityNotFoundException.forId(opportunityId));
        if (subjects.accessTo(deal.customerId(), null, user) == CustomerAccessLevel.NONE) {
            throw OpportunityNotFoundException.forId(opportunityId);
        }
        return list(" where a.opportunity_id = :opportunityId", Map.of("opportunityId", opportunityId), page, size);
    }

    /**
     * The API's list. With a customer, lead or deal: its activities, after checking access to it. Without: the
     * activities owned by the user's scope (themselves, a manager's team) whose customer or lead the user may still
     * see, checked in SQL. {@code openTasks} keeps open tasks only, soonest due first.
     */
    public PageView<ActivityRow> search(ActivityFilter filter, int page, int size, CurrentUser user) {
        if (customerAccess.readScope(user).isEmpty()) {
            return new PageView<>(List.of(), Math.min(Math.max(size, 1), 200), Math.max(page, 0), 0, true);
        }
        if (filter.customerId() != null) {
            forCustomer(filter.customerId(), 0, 1, user);
        } else if (filter.leadId() != null) {
            forLead(filter.leadId(), 0, 1, user);
        } else if (filter.opportunityId() != null) {
            forOpportunity(filter.opportunityId(), 0, 1, user);
        }
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.customerId() != null) {
            where.append(" and a.customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.leadId() != null) {
            where.append(" and a.lead_id = :leadId");
            params.put("leadId", filter.leadId());
        }
        if (filter.opportunityId() != null) {
            where.append(" and a.opportunity_id = :opportunityId");
            params.put("opportunityId", filter.opportunityId());
        }
        if (filter.customerId() == null && filter.leadId() == null && filter.opportunityId() == null) {
            OwnerScope own = users.ownerScope(user);
            if (!own.all()) {
                where.append(" and a.owner_id in (:ownerIds)");
                params.put("ownerIds", List.copyOf(own.ownerIds()));
            }
            OwnerScope customerScope = customerAccess.readScope(user);
            if (!customerScope.all()) {
                where.append(" and (a.customer_id is null or exists (select 1 from customer c"
                        + " where c.id = a.customer_id and c.owner_id in (:customerOwnerIds)))");
                params.put("customerOwnerIds", List.copyOf(customerScope.ownerIds()));
                where.append(" and (a.customer_id is not null or exists (select 1 from lead l where l.id = a.lead_id"
                        + " and (l.owner_id is null or l.owner_id in (:leadOwnerIds))))");
                params.put("leadOwnerIds", List.copyOf(own.ownerIds()));
            }
        }
        if (filter.type() != null) {
            where.append(" and a.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.openTasksOnly()) {
            where.append(OPEN_TASK);
        }
        return list(where.toString(), params, page, size, filter.openTasksOnly() ? DUE_FIRST : NEWEST_FIRST);
    }

    /** Open tasks of the given owners due in [from, to), soonest first (the index on open tasks by owner and due). */
    public List<ActivityRow> openTasks(OwnerScope owners, @Nullable Instant from, @Nullable Instant to, int limit) {
        if (owners.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" where a.type = 'TASK' and not a.done");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!owners.all()) {
            where.append(" and a.owner_id in (:ownerIds)");
            params.put("ownerIds", List.copyOf(owners.ownerIds()));
        }
        if (from != null) {
            where.append(" and a.occurred_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and a.occurred_at < :to");
            params.put("to", Timestamp.from(to));
        }
        return page(where.toString(), DUE_FIRST, params, Math.min(Math.max(limit, 1), 200), 0);
    }

    /**
     * The owner's follow-ups due: activities whose planned next follow-up date is on or before {@code today} and
     * after which nothing else was done on the same customer or lead (an open task is a plan, not a follow-up).
     */
    public List<ActivityRow> followUpsDue(long ownerId, LocalDate today, int limit) {
        String where = """
                 where a.owner_id = :ownerId and a.next_follow_up_on is not null and a.next_follow_up_on <= :today
                  and not exists (select 1 from activity b where b.customer_id = a.customer_id
                                  and b.occurred_at > a.occurred_at and not (b.type = 'TASK' and not b.done))
                  and not exists (select 1 from activity b where a.customer_id is null and b.lead_id = a.lead_id
                                  and b.occurred_at > a.occurred_at and not (b.type = 'TASK' and not b.done))""";
        return page(
                where,
                "a.next_follow_up_on, a.id",
                Map.of("ownerId", ownerId, "today", Date.valueOf(today)),
                Math.min(Math.max(limit, 1), 200),
                0);
    }

    private PageView<ActivityRow> list(String where, Map<String, Object> params, int page, int size) {
        return list(where, params, page, size, NEWEST_FIRST);
    }

    private PageView<ActivityRow> list(String where, Map<String, Object> params, int page, int size, String order) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        List<ActivityRow> rows = page(where, order, params, safeSize, safePage);
        return PagedSql.page(jdbc, rows, safePage, safeSize, "activity a" + where, params);
    }

    private List<ActivityRow> page(String where, String order, Map<String, Object> params, int size, int page) {
        // where and order are constants of this class; every value is a bound parameter
        return PagedSql.bind(jdbc.sql(PAGE.formatted(where, order, order)), params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(ActivityQueries::row)
                .list();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    static ActivityRow row(ResultSet rs, int rowNum) throws SQLException {
        Date followUp = rs.getDate("next_follow_up_on");
        return new ActivityRow(
                rs.getLong("id"),
                ActivityType.valueOf(rs.getString("type")),
                rs.getString("subject"),
                rs.getString("details"),
                rs.getTimestamp("occurred_at").toInstant(),
                longOrNull(rs, "customer_id"),
                rs.getString("customer_name"),
                longOrNull(rs, "contact_id"),
                rs.getString("contact_name"),
                longOrNull(rs, "opportunity_id"),
                rs.getString("opportunity_name"),
                longOrNull(rs, "lead_id"),
                rs.getString("lead_name"),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                followUp == null ? null : followUp.toLocalDate(),
                rs.getBoolean("done"),
                instant(rs, "done_at"),
                instant(rs, "remind_at"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

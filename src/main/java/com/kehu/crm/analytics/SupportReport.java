package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Service performance for the tickets opened in a period, within the reader's record rules (by the customer's owner;
 * support agents and admins see all): first response and resolution times (mean and median hours), SLA compliance
 * (answered and resolved by their due times; a ticket still open past its due time counts as missed), per agent; and
 * complaint categories month by month.
 */
@Service
public class SupportReport {

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    SupportReport(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public record Performance(
            String group,
            long tickets,
            @Nullable Double firstResponseHours,
            @Nullable Double firstResponseMedianHours,
            @Nullable Double resolutionHours,
            @Nullable Double resolutionMedianHours,
            @Nullable Double responseSlaMet,
            @Nullable Double resolutionSlaMet) {}

    public record CategoryMonth(String month, String category, long complaints) {}

    public record Report(
            LocalDate from,
            LocalDate to,
            Performance overall,
            List<Performance> byAgent,
            List<CategoryMonth> complaints) {}

    public Report report(LocalDate from, LocalDate to, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        List<Performance> overall = performance("'ALL'", scope, from, to);
        String condition = ScopeSql.condition(scope, "c.owner_id");
        List<CategoryMonth> complaints = ScopeSql.period(
                        jdbc.sql("""
                                select to_char(date_trunc('month', t.created_at), 'YYYY-MM'), tc.code, count(*)
                                from analytics_ticket_v t
                                %s
                                join ticket_category tc on tc.id = t.category_id
                                where t.type = 'COMPLAINT' and t.created_at >= :from and t.created_at < :to_end and %s
                                group by 1, 2 order by 1, 2""".formatted(ScopeSql.customerJoin(scope, "t.customer_id"), condition)),
                        scope,
                        from,
                        to)
                .query((rs, n) -> new CategoryMonth(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        return new Report(
                from,
                to,
                overall.isEmpty() ? new Performance("ALL", 0, null, null, null, null, null, null) : overall.get(0),
                performance("coalesce(u.display_name, '—')", scope, from, to),
                complaints);
    }

    /** The measures per {@code group} (an SQL expression written here, never input). */
    private List<Performance> performance(String group, OwnerScope scope, LocalDate from, LocalDate to) {
        return ScopeSql.period(
                        jdbc.sql("""
                                with tickets as (
                                    select %1$s as grp, t.*,
                                           extract(epoch from t.first_responded_at - t.created_at) / 3600 as response_h,
                                           extract(epoch from t.resolved_at - t.created_at) / 3600 as resolution_h
                                    from analytics_ticket_v t
                                    %3$s
                                    left join app_user u on u.id = t.assignee_id
                                    where t.created_at >= :from and t.created_at < :to_end and %2$s
                                )
                                select grp, count(*),
                                       avg(response_h)::float8,
                                       percentile_cont(0.5) within group (order by response_h)::float8,
                                       avg(resolution_h)::float8,
                                       percentile_cont(0.5) within group (order by resolution_h)::float8,
                                       avg(case when first_responded_at <= first_response_due_at then 1.0
                                                when first_responded_at is null and now() <= first_response_due_at
                                                    then null
                                                else 0.0 end)::float8,
                                       avg(case when resolved_at <= resolution_due_at then 1.0
                                                when resolved_at is null and now() <= resolution_due_at then null
                                                else 0.0 end)::float8
                                from tickets group by grp order by grp""".formatted(
                                        group,
                                        ScopeSql.condition(scope, "c.owner_id"),
                                        ScopeSql.customerJoin(scope, "t.customer_id"))),
                        scope,
                        from,
                        to)
                .query((rs, n) -> new Performance(
                        rs.getString(1),
                        rs.getLong(2),
                        (Double) rs.getObject(3),
                        (Double) rs.getObject(4),
                        (Double) rs.getObject(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        (Double) rs.getObject(8)))
                .list();
    }
}

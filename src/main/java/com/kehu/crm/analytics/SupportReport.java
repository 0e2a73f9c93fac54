package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Service performance for the tickets opened in a period, within the reader's record rules (by the customer's owner;
 * support agents and admins see all): first response and resolution times (mean and median hours), SLA compliance
 * (answered and resolved by their due times; a ticket still open past its due time counts as missed), per agent; and
 * complaint categories month by month.
 *
 * <p>Figures are as of the last metrics refresh: the report reads the per-day, per-owner ticket summaries that the
 * refresh stores ({@link ServiceSummaries}), never the tickets themselves, so tickets opened, answered or resolved
 * since are not counted yet, and an open ticket is judged against its due time at the refresh. Means and SLA rates
 * are exact; medians come from a histogram of the hours ({@link ServiceSummaries#median}): exact when the values in
 * each bucket are equal (whole hours, say), otherwise within half a bucket (30 seconds below 2 hours, 5 minutes below
 * 48 hours, 30 minutes beyond).
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
        List<Performance> overall = performance("'ALL'", "", scope, from, to);
        List<CategoryMonth> complaints = ScopeSql.period(
                        jdbc.sql("""
                                select to_char(s.day, 'YYYY-MM'), s.category_code, sum(s.complaints)
                                from analytics_complaint_day s
                                where s.day between :from and :to and %s
                                group by 1, 2 order by 1, 2""".formatted(ScopeSql.condition(scope, "s.owner_id"))), scope, from, to)
                .query((rs, n) -> new CategoryMonth(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        return new Report(
                from,
                to,
                overall.isEmpty() ? new Performance("ALL", 0, null, null, null, null, null, null) : overall.get(0),
                // grouped by the name shown (two agents of one name are one row), as the satisfaction by agent
                performance(
                        "coalesce(u.display_name, '—')",
                        "left join analytics_user_v u on u.id = s.assignee_id",
                        scope,
                        from,
                        to),
                complaints);
    }

    /**
     * The measures per {@code group} (an SQL expression written here, never input) of the summary rows (as {@code s})
     * after {@code joins}: means and SLA rates from the summed counts and sums, medians from the summed histograms.
     */
    private List<Performance> performance(String group, String joins, OwnerScope scope, LocalDate from, LocalDate to) {
        String condition = ScopeSql.condition(scope, "s.owner_id");
        Map<String, Map<String, List<ServiceSummaries.Bucket>>> histograms = new HashMap<>();
        ScopeSql.period(jdbc.sql("""
                                select %1$s, s.kind, s.bucket, sum(s.tickets), min(s.hours_min)::float8,
                                       max(s.hours_max)::float8
                                from analytics_ticket_duration_day s
                                %2$s
                                where s.day between :from and :to and %3$s
                                group by 1, s.kind, s.bucket order by 1, s.kind, s.bucket""".formatted(group, joins, condition)), scope, from, to)
                .query(rs -> {
                    histograms
                            .computeIfAbsent(rs.getString(1), g -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new ServiceSummaries.Bucket(rs.getLong(4), rs.getDouble(5), rs.getDouble(6)));
                });
        return ScopeSql.period(jdbc.sql("""
                                select %1$s, sum(s.tickets),
                                       (sum(s.response_hours) / nullif(sum(s.response_n), 0))::float8,
                                       (sum(s.resolution_hours) / nullif(sum(s.resolution_n), 0))::float8,
                                       (sum(s.response_sla_met)::numeric / nullif(sum(s.response_sla_judged), 0))
                                           ::float8,
                                       (sum(s.resolution_sla_met)::numeric / nullif(sum(s.resolution_sla_judged), 0))
                                           ::float8
                                from analytics_ticket_day s
                                %2$s
                                where s.day between :from and :to and %3$s
                                group by 1 order by 1""".formatted(group, joins, condition)), scope, from, to)
                .query((rs, n) -> {
                    Map<String, List<ServiceSummaries.Bucket>> histogram =
                            histograms.getOrDefault(rs.getString(1), Map.of());
                    return new Performance(
                            rs.getString(1),
                            rs.getLong(2),
                            (Double) rs.getObject(3),
                            ServiceSummaries.median(histogram.getOrDefault("RESPONSE", List.of())),
                            (Double) rs.getObject(4),
                            ServiceSummaries.median(histogram.getOrDefault("RESOLUTION", List.of())),
                            (Double) rs.getObject(5),
                            (Double) rs.getObject(6));
                })
                .list();
    }
}

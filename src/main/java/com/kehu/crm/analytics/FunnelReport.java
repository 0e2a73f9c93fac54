package com.kehu.crm.analytics;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sales funnel of a period from the opportunity stage history (creation enters PROSPECTING), within the reader's
 * record rules and, if asked, narrowed to the reader's own deals or team:
 *
 * <ul>
 *   <li>entries per stage: how many times deals entered each stage during the period;
 *   <li>the cohort funnel: of the deals created in the period, how many reached each stage (reaching a later stage,
 *       e.g. won from a proposal, counts as having passed the ones before) and the conversion from each stage to the
 *       next;
 *   <li>win rate: of the deals closed in the period, the share won; average sales cycle: days from creation to a win;
 *   <li>the weighted pipeline now: open amounts × stage probability, per currency;
 * </ul>
 * overall, by rep and by team. The period figures are read from the daily summaries of the last metrics refresh
 * ({@link FunnelSummaries}: a sum over days × owners, not over a million deals and their history), so they are as of
 * that refresh, like the weighted pipeline and the forecast (from the open deals per expected close day).
 */
@Service
public class FunnelReport {

    static final List<String> STAGES = List.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON");

    private final JdbcClient jdbc;
    private final CustomerAccess access;

    FunnelReport(JdbcClient jdbc, CustomerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Whose deals: everything the reader may see, the reader's own, or the reader's team's. */
    public enum Scope {
        ALL,
        MINE,
        TEAM
    }

    public record StageCount(
            String stage, long count, @Nullable Double conversionFromPrevious) {}

    public record Group(
            String group,
            long created,
            long won,
            long lost,
            @Nullable Double winRate,
            @Nullable Double averageCycleDays) {}

    public record Pipeline(String currency, BigDecimal open, BigDecimal weighted) {}

    public record Report(
            LocalDate from,
            LocalDate to,
            List<StageCount> entries,
            List<StageCount> cohort,
            Group overall,
            List<Group> byRep,
            List<Group> byTeam,
            List<Pipeline> weightedPipeline) {}

    public Report report(LocalDate from, LocalDate to, Scope narrow, CurrentUser user) {
        OwnerScope owners = filter(narrow, user);
        String stored = ScopeSql.condition(owners, "f.owner_id");
        List<StageCount> entries = ScopeSql.period(jdbc.sql("""
                                select f.stage, sum(f.entries) from analytics_stage_entry_day f
                                where f.day between :from and :to and %s
                                group by f.stage""".formatted(stored)), owners, from, to)
                .query((rs, n) -> new StageCount(rs.getString(1), rs.getLong(2), null))
                .list();
        List<StageCount> cohort = cohort(stored, owners, from, to);
        // overall, by rep and by team in one pass over the period's summaries (grouping sets)
        Map<Integer, List<Group>> grouped = groups(stored, owners, from, to);
        List<Group> overall = grouped.getOrDefault(OVERALL, List.of());
        return new Report(
                from,
                to,
                ordered(entries),
                cohort,
                overall.isEmpty() ? new Group("ALL", 0, 0, 0, null, null) : overall.get(0),
                grouped.getOrDefault(BY_REP, List.of()),
                grouped.getOrDefault(BY_TEAM, List.of()),
                ScopeSql.owners(jdbc.sql("""
                                        select f.currency, sum(f.amount), round(sum(f.weighted), 2)
                                        from analytics_open_deal_day f
                                        where %s
                                        group by f.currency order by f.currency""".formatted(stored)), owners)
                        .query((rs, n) -> new Pipeline(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                        .list());
    }

    /**
     * One month of the forecast: the open deals expected to close in it (month "OVERDUE": expected before today and
     * still open), their amount and the amount weighted by stage probability, per currency.
     */
    public record ForecastMonth(String month, String currency, long deals, BigDecimal amount, BigDecimal weighted) {}

    /** The open deals of the reader's choice expected to close from before today up to {@code months} months ahead. */
    public List<ForecastMonth> forecast(Scope narrow, int months, LocalDate today, CurrentUser user) {
        OwnerScope owners = filter(narrow, user);
        LocalDate end = today.withDayOfMonth(1).plusMonths(months);
        return ScopeSql.owners(jdbc.sql("""
                                select case when f.expected_close_date < :today then 'OVERDUE'
                                            else to_char(f.expected_close_date, 'YYYY-MM') end as month,
                                       f.currency, sum(f.deals), sum(f.amount), round(sum(f.weighted), 2)
                                from analytics_open_deal_day f
                                where f.expected_close_date < :end and %s
                                group by 1, 2 order by 1 desc, 2""".formatted(ScopeSql.condition(owners, "f.owner_id"))), owners)
                .param("today", today)
                .param("end", end)
                .query((rs, n) -> new ForecastMonth(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list()
                .stream()
                // OVERDUE first, then the months in order
                .sorted(java.util.Comparator.comparing(
                        (ForecastMonth m) -> m.month().equals("OVERDUE") ? "" : m.month()))
                .toList();
    }

    private List<StageCount> cohort(String condition, OwnerScope owners, LocalDate from, LocalDate to) {
        long[] reached = ScopeSql.period(jdbc.sql("""
                                select coalesce(sum(f.reached_prospecting), 0), coalesce(sum(f.reached_qualification), 0),
                                       coalesce(sum(f.reached_proposal), 0), coalesce(sum(f.reached_negotiation), 0),
                                       coalesce(sum(f.reached_won), 0)
                                from analytics_funnel_day f
                                where f.day between :from and :to and %s""".formatted(condition)), owners, from, to)
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        List<StageCount> counts = new java.util.ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            Double conversion = i == 0 || reached[i - 1] == 0 ? null : (double) reached[i] / reached[i - 1];
            counts.add(new StageCount(STAGES.get(i), reached[i], conversion));
        }
        return counts;
    }

    /** Which grouping a row of {@link #groups} belongs to: grouping(rep, team) as a bit mask. */
    private static final int OVERALL = 3;

    private static final int BY_REP = 1;
    private static final int BY_TEAM = 2;

    /** Created, won, lost, win rate and cycle overall, per rep and per team, keyed by {@link #OVERALL} and the rest. */
    private Map<Integer, List<Group>> groups(String condition, OwnerScope owners, LocalDate from, LocalDate to) {
        Map<Integer, List<Group>> grouped = new java.util.HashMap<>();
        ScopeSql.period(jdbc.sql("""
                                select grouping(u.display_name, coalesce(t.name, '—')),
                                       coalesce(u.display_name, coalesce(t.name, '—'), 'ALL') as grp,
                                       coalesce(sum(f.created), 0), coalesce(sum(f.won), 0), coalesce(sum(f.lost), 0),
                                       sum(f.won_cycle_days)::numeric / nullif(sum(f.won), 0)
                                from analytics_funnel_day f
                                join analytics_user_v u on u.id = f.owner_id
                                left join team t on t.id = u.team_id
                                where f.day between :from and :to and %s
                                group by grouping sets ((), (u.display_name), (coalesce(t.name, '—')))
                                order by 1, 2""".formatted(condition)), owners, from, to)
                .query((rs, n) -> {
                    long won = rs.getLong(4);
                    long lost = rs.getLong(5);
                    BigDecimal cycle = rs.getBigDecimal(6);
                    return Map.entry(
                            rs.getInt(1),
                            new Group(
                                    rs.getString(2),
                                    rs.getLong(3),
                                    won,
                                    lost,
                                    won + lost == 0 ? null : (double) won / (won + lost),
                                    cycle == null ? null : cycle.doubleValue()));
                })
                .list()
                .forEach(e -> grouped.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return grouped;
    }

    private static List<StageCount> ordered(List<StageCount> entries) {
        List<StageCount> sorted = new java.util.ArrayList<>(entries);
        List<String> order = new java.util.ArrayList<>(STAGES);
        order.add("LOST");
        sorted.sort(java.util.Comparator.comparingInt(e -> order.indexOf(e.stage())));
        return sorted;
    }

    /** The deals' owners the reader asked for, within those the reader may see. */
    private OwnerScope filter(Scope narrow, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        return switch (narrow) {
            case ALL -> scope;
            case MINE -> scope.includes(user.id()) ? OwnerScope.of(Set.of(user.id())) : OwnerScope.nobody();
            case TEAM -> {
                if (user.teamId() == null) {
                    yield OwnerScope.of(Set.of(user.id()));
                }
                Set<Long> team = new java.util.HashSet<>(jdbc.sql("select id from app_user where team_id = :team")
                        .param("team", user.teamId())
                        .query(Long.class)
                        .list());
                team.add(user.id());
                if (!scope.all()) {
                    team.retainAll(scope.ownerIds());
                }
                yield OwnerScope.of(team);
            }
        };
    }
}

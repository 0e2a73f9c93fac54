package com.kehu.crm.sales;

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
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads opportunities: one deal, the list, the board, the forecast. The record rule (the customer rules applied to
 * the deal's owner) is part of every statement; SQL is assembled from constant fragments, values are bound.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class OpportunityQueries {

    public static final int COUNT_CAP = PagedSql.COUNT_CAP;
    /** Cards per board column; the column's count and totals cover all its deals. */
    public static final int CARDS_PER_COLUMN = 25;
    /** The longest forecast, in months. */
    public static final int MAX_FORECAST_MONTHS = 24;

    private static final String COLUMNS = """
            o.id, o.customer_id, c.name as customer_name, o.name, o.amount, o.currency, o.expected_close_date,
            o.type, o.stage, o.probability, o.owner_id, u.display_name as owner_name, o.next_step, o.closed_on,
            o.version""";

    /** Customer and owner names are joined after the page is cut. */
    private static final String PAGE = "select " + COLUMNS + """

            from (select * from opportunity o %s order by %s limit :limit offset :offset) o
            join customer c on c.id = o.customer_id
            join app_user u on u.id = o.owner_id
            order by %s""";

    private static final String OPEN_STAGES =
            "(values ('PROSPECTING', 1), ('QUALIFICATION', 2), ('PROPOSAL', 3), ('NEGOTIATION', 4)) s(stage, pos)";
    private static final String CLOSED_STAGES = "(values ('WON', 5), ('LOST', 6)) s(stage, pos)";

    private static final String OPEN_CARDS = "select " + COLUMNS + """

            from %s
            cross join lateral (select * from opportunity o
                where o.stage = s.stage and o.closed_on is null %s
                order by o.expected_close_date, o.id limit :perColumn) o
            join customer c on c.id = o.customer_id
            join app_user u on u.id = o.owner_id
            order by s.pos, o.expected_close_date, o.id""";

    private static final String CLOSED_CARDS = "select " + COLUMNS + """

            from %s
            cross join lateral (select * from opportunity o
                where o.stage = s.stage and o.closed_on >= :since %s
                order by o.closed_on desc, o.id desc limit :perColumn) o
            join customer c on c.id = o.customer_id
            join app_user u on u.id = o.owner_id
            order by s.pos, o.closed_on desc, o.id desc""";

    /**
     * Open columns from the running totals (kept exact by the statement trigger of V6), won and lost columns from the
     * deals closed lately, through the index of closed deals.
     */
    private static final String BOARD_TOTALS = """
            select o.stage, o.currency, sum(o.deals) as deals, sum(o.amount) as amount,
                   sum(o.weighted100) as weighted100
            from opportunity_open_total o where o.deals <> 0 %s
            group by o.stage, o.currency
            union all
            select o.stage, o.currency, count(*), sum(o.amount), 0
            from opportunity o where o.closed_on >= :since %s
            group by o.stage, o.currency
            order by currency""";

    /** The forecast from the running totals per owner, month and currency (V6): a few rows per rep and month. */
    private static final String FORECAST = """
            select to_char(o.month, 'YYYY-MM') as month, o.owner_id, o.currency, o.open_deals, o.pipeline,
                   o.weighted100, o.won
            from opportunity_month_total o
            where o.month >= :from and o.month < :until and (o.open_deals <> 0 or o.won_deals <> 0) %s""";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerQueries customers;
    private final UserQueries users;
    private final SalesProperties properties;

    /** A deal the user may see, or empty (then it is "not found" to them). */
    public Optional<OpportunityRef> ref(long id, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        return jdbc.sql("""
                        select id, customer_id, name, amount, currency, stage, owner_id
                        from opportunity where id = :id""")
                .param("id", id)
                .query((rs, n) -> new OpportunityRef(
                        rs.getLong("id"),
                        rs.getLong("customer_id"),
                        rs.getString("name"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        PipelineStage.valueOf(rs.getString("stage")),
                        rs.getLong("owner_id")))
                .optional()
                .filter(o -> scope.includes(o.ownerId()));
    }

    public PageView<OpportunityRow> list(
            OpportunityFilter filter, OpportunitySort sort, boolean descending, int page, int size, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        Sql where = where(filter, scope);
        String orderBy = sort.orderBy(descending);
        List<OpportunityRow> rows = where.bind(jdbc.sql(PAGE.formatted(where.sql, orderBy, orderBy)))
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(OpportunityQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, "opportunity o" + where.sql, where.params);
    }

    /**
     * Every deal the list would show for this filter and sort, without paging, streamed to {@code sink} inside this
     * read-only transaction.
     */
    public void stream(
            OpportunityFilter filter,
            OpportunitySort sort,
            boolean descending,
            CurrentUser user,
            ExportSink<OpportunityRow> sink) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return;
        }
        Sql where = where(filter, scope);
        // the list's WHERE and ORDER BY fragments; every value is a bound parameter
        PagedSql.stream(
                where.bind(jdbc.sql("select " + COLUMNS
                        + " from opportunity o join customer c on c.id = o.customer_id"
                        + " join app_user u on u.id = o.owner_id" + where.sql + " order by "
                        + sort.orderBy(descending))),
                OpportunityQueries::row,
                sink);
    }

    /** The customer 360's opportunities tab: open deals first, then the latest closed ones. */
    public List<OpportunityRow> forCustomer(long customerId, CurrentUser user) {
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        OwnerScope scope = access.readScope(user);
        Sql sql = new Sql();
        sql.sql = " where o.customer_id = :customerId" + ownerCondition(scope, sql);
        sql.params.put("customerId", customerId);
        String orderBy = "(o.closed_on is not null), o.expected_close_date desc, o.id desc";
        return sql.bind(jdbc.sql(PAGE.formatted(sql.sql, orderBy, orderBy)))
                .param("limit", 100)
                .param("offset", 0)
                .query(OpportunityQueries::row)
                .list();
    }

    public OpportunityDetails details(long id, CurrentUser user) {
        DetailRow detail = jdbc.sql("select " + COLUMNS + """
                         , o.competitor, o.loss_reason, o.source_lead_id, o.created_at, o.updated_at
                        from opportunity o
                        join customer c on c.id = o.customer_id
                        join app_user u on u.id = o.owner_id
                        where o.id = :id""")
                .param("id", id)
                .query((rs, n) -> new DetailRow(
                        row(rs, n),
                        rs.getString("competitor"),
                        rs.getString("loss_reason"),
                        rs.getObject("source_lead_id", Long.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .filter(d -> access.readScope(user).includes(d.row().ownerId()))
                .orElseThrow(() -> OpportunityNotFoundException.forId(id));
        OpportunityRow row = detail.row();
        List<OpportunityDetails.StageChange> history = jdbc.sql("""
                        select h.from_stage, h.to_stage, u.display_name, h.changed_at
                        from opportunity_stage_change h left join app_user u on u.id = h.changed_by
                        where h.opportunity_id = :id order by h.changed_at desc, h.id desc""")
                .param("id", id)
                .query((rs, n) -> new OpportunityDetails.StageChange(
                        rs.getString("from_stage") == null ? null : PipelineStage.valueOf(rs.getString("from_stage")),
                        PipelineStage.valueOf(rs.getString("to_stage")),
                        rs.getString("display_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
        return new OpportunityDetails(
                row.id(),
                row.customerId(),
                row.customerName(),
                row.name(),
                row.amount(),
                row.currency(),
                row.expectedCloseDate(),
                row.type(),
                row.stage(),
                row.probability(),
                row.probability() == properties.probabilityOf(row.stage()),
                row.ownerId(),
                row.ownerName(),
                row.nextStep(),
                detail.competitor(),
                detail.lossReason(),
                detail.sourceLeadId(),
                row.closedOn(),
                row.version(),
                detail.createdAt(),
                detail.updatedAt(),
                access.writeScope(user).includes(row.ownerId()),
                history);
    }

    /**
     * The kanban board for a scope, optionally narrowed to one owner in it: column totals from the running totals and
     * the recently closed deals, and the first {@link #CARDS_PER_COLUMN} cards of each column; three statements
     * whatever the number of deals.
     */
    public PipelineBoard board(PipelineScope requested, @Nullable Long ownerId, CurrentUser user, LocalDate today) {
        OwnerScope scope = narrow(scopeOf(requested, user), ownerId);
        if (scope.isEmpty()) {
            return new PipelineBoard(requested, emptyColumns());
        }
        LocalDate since = today.minusDays(PipelineBoard.CLOSED_DAYS);
        Sql owners = new Sql();
        String condition = ownerCondition(scope, owners);
        Map<PipelineStage, List<OpportunityRow>> cards = new LinkedHashMap<>();
        for (PipelineStage stage : PipelineStage.values()) {
            cards.put(stage, new ArrayList<>());
        }
        owners.bind(jdbc.sql(OPEN_CARDS.formatted(OPEN_STAGES, condition)))
                .param("perColumn", CARDS_PER_COLUMN)
                .query(OpportunityQueries::row)
                .list()
                .forEach(r -> cards.get(r.stage()).add(r));
        owners.bind(jdbc.sql(CLOSED_CARDS.formatted(CLOSED_STAGES, condition)))
                .param("perColumn", CARDS_PER_COLUMN)
                .param("since", since)
                .query(OpportunityQueries::row)
                .list()
                .forEach(r -> cards.get(r.stage()).add(r));
        Map<PipelineStage, Long> counts = new LinkedHashMap<>();
        Map<PipelineStage, List<MoneyTotal>> amounts = new LinkedHashMap<>();
        Map<PipelineStage, List<MoneyTotal>> weighted = new LinkedHashMap<>();
        owners.bind(jdbc.sql(BOARD_TOTALS.formatted(condition, condition)))
                .param("since", since)
                .query((rs, n) -> {
                    PipelineStage stage = PipelineStage.valueOf(rs.getString("stage"));
                    String currency = rs.getString("currency");
                    counts.merge(stage, rs.getLong("deals"), Long::sum);
                    amounts.computeIfAbsent(stage, s -> new ArrayList<>())
                            .add(new MoneyTotal(currency, rs.getBigDecimal("amount")));
                    weighted.computeIfAbsent(stage, s -> new ArrayList<>())
                            .add(new MoneyTotal(currency, percentOf(rs.getBigDecimal("weighted100"))));
                    return stage;
                })
                .list();
        List<PipelineBoard.Column> columns = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            columns.add(new PipelineBoard.Column(
                    stage,
                    counts.getOrDefault(stage, 0L),
                    amounts.getOrDefault(stage, List.of()),
                    weighted.getOrDefault(stage, List.of()),
                    List.copyOf(cards.get(stage))));
        }
        return new PipelineBoard(requested, columns);
    }

    /**
     * The weighted forecast from {@code from} to {@code to} (inclusive months): one statement over the running totals
     * per owner and month, assembled into rep rows, team subtotals and company totals.
     */
    public Forecast forecast(YearMonth from, YearMonth to, PipelineScope requested, CurrentUser user) {
        if (to.isBefore(from) || from.plusMonths(MAX_FORECAST_MONTHS - 1).isBefore(to)) {
            throw new IllegalArgumentException("forecast range must be 1-" + MAX_FORECAST_MONTHS + " months");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        OwnerScope scope = scopeOf(requested, user);
        if (scope.isEmpty()) {
            return new Forecast(from, to, requested, months, List.of(), List.of(), List.of());
        }
        Sql owners = new Sql();
        String condition = ownerCondition(scope, owners);
        LocalDate start = from.atDay(1);
        LocalDate until = to.plusMonths(1).atDay(1);
        // (owner, currency) → month → cell
        Map<Key, Map<YearMonth, Forecast.Cell>> cells = new LinkedHashMap<>();
        owners.bind(jdbc.sql(FORECAST.formatted(condition)))
                .param("from", start)
                .param("until", until)
                .query((rs, n) -> cells.computeIfAbsent(
                                new Key(rs.getLong("owner_id"), rs.getString("currency")), k -> new TreeMap<>())
                        .merge(
                                YearMonth.parse(rs.getString("month")),
                                new Forecast.Cell(
                                        percentOf(rs.getBigDecimal("weighted100")),
                                        rs.getBigDecimal("won"),
                                        rs.getBigDecimal("pipeline"),
                                        rs.getLong("open_deals")),
                                Forecast.Cell::plus))
                .list();
        Set<Long> ownerIds = new HashSet<>();
        cells.keySet().forEach(k -> ownerIds.add(k.ownerId()));
        Map<Long, UserRef> refs = users.refsByIds(ownerIds);
        Map<Long, String> teams = users.teamNamesOf(ownerIds);
        List<Forecast.Row> reps = new ArrayList<>();
        Map<Key2, Map<YearMonth, Forecast.Cell>> byTeam = new TreeMap<>();
        Map<String, Map<YearMonth, Forecast.Cell>> byCurrency = new TreeMap<>();
        cells.forEach((key, perMonth) -> {
            String team = teams.get(key.ownerId());
            UserRef ref = refs.get(key.ownerId());
            reps.add(row(key.ownerId(), ref == null ? "?" : ref.displayName(), team, key.currency(), months, perMonth));
            perMonth.forEach((month, cell) -> {
                byTeam.computeIfAbsent(new Key2(team == null ? "" : team, key.currency()), k -> new TreeMap<>())
                        .merge(month, cell, Forecast.Cell::plus);
                byCurrency
                        .computeIfAbsent(key.currency(), k -> new TreeMap<>())
                        .merge(month, cell, Forecast.Cell::plus);
            });
        });
        reps.sort(Comparator.comparing((Forecast.Row r) -> r.team() == null ? "\uffff" : r.team())
                .thenComparing(Forecast.Row::label)
                .thenComparing(Forecast.Row::currency));
        List<Forecast.Row> teamRows = new ArrayList<>();
        byTeam.forEach((key, perMonth) -> teamRows.add(
                row(null, key.team(), key.team().isEmpty() ? null : key.team(), key.currency(), months, perMonth)));
        List<Forecast.Row> totals = new ArrayList<>();
        byCurrency.forEach((currency, perMonth) -> totals.add(row(null, "", null, currency, months, perMonth)));
        return new Forecast(from, to, requested, months, reps, teamRows, totals);
    }

    /** Whose deals a board or forecast may cover: mine for anyone, team for managers, all for admins. */
    public OwnerScope scopeOf(PipelineScope scope, CurrentUser user) {
        return switch (scope) {
            case MINE ->
                user.role() == Role.SALES_REP || user.role() == Role.MANAGER || user.isAdmin()
                        ? OwnerScope.of(Set.of(user.id()))
                        : OwnerScope.nobody();
            case TEAM -> {
                if (!user.isManager() && !user.isAdmin()) {
                    throw new AccessDeniedException("Only managers see a team's pipeline");
                }
                yield users.ownerScope(user);
            }
            case ALL -> {
                if (!user.isAdmin()) {
                    throw new AccessDeniedException("Only admins see the whole company's pipeline");
                }
                yield OwnerScope.everyone();
            }
        };
    }

    private static OwnerScope narrow(OwnerScope scope, @Nullable Long ownerId) {
        if (ownerId == null) {
            return scope;
        }
        return scope.includes(ownerId) ? OwnerScope.of(Set.of(ownerId)) : OwnerScope.nobody();
    }

    private static List<PipelineBoard.Column> emptyColumns() {
        List<PipelineBoard.Column> columns = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            columns.add(new PipelineBoard.Column(stage, 0, List.of(), List.of(), List.of()));
        }
        return columns;
    }

    private static Forecast.Row row(
            @Nullable Long ownerId,
            String label,
            @Nullable String team,
            String currency,
            List<YearMonth> months,
            Map<YearMonth, Forecast.Cell> perMonth) {
        List<Forecast.Cell> cells = new ArrayList<>();
        Forecast.Cell sum = Forecast.Cell.EMPTY;
        for (YearMonth month : months) {
            Forecast.Cell cell = perMonth.getOrDefault(month, Forecast.Cell.EMPTY);
            cells.add(cell);
            sum = sum.plus(cell);
        }
        return new Forecast.Row(ownerId, label, team, currency, List.copyOf(cells), sum);
    }

    /** sum(amount × probability) / 100, exact: amounts have two decimals, so the result has at most four. */
    private static BigDecimal percentOf(BigDecimal amountTimesPercent) {
        return amountTimesPercent.divide(HUNDRED);
    }

    /** The owner condition: one owner by equality (so the board index returns rows in order), several by list. */
    private static String ownerCondition(OwnerScope scope, Sql sql) {
        if (scope.all()) {
            return "";
        }
        if (scope.ownerIds().size() == 1) {
            sql.params.put("ownerId", scope.ownerIds().iterator().next());
            return " and o.owner_id = :ownerId";
        }
        sql.params.put("ownerIds", List.copyOf(scope.ownerIds()));
        return " and o.owner_id in (:ownerIds)";
    }

    private static Sql where(OpportunityFilter filter, OwnerScope scope) {
        Sql sql = new Sql();
        StringBuilder where = new StringBuilder(" where true");
        where.append(ownerCondition(scope, sql));
        if (filter.stage() != null) {
            where.append(" and o.stage = :stage");
            sql.params.put("stage", filter.stage().name());
        }
        if (filter.ownerId() != null) {
            where.append(" and o.owner_id = :filterOwnerId");
            sql.params.put("filterOwnerId", filter.ownerId());
        }
        if (filter.customerId() != null) {
            where.append(" and o.customer_id = :customerId");
            sql.params.put("customerId", filter.customerId());
        }
        if (filter.type() != null) {
            where.append(" and o.type = :type");
            sql.params.put("type", filter.type().name());
        }
        if (filter.closeFrom() != null) {
            where.append(" and o.expected_close_date >= :closeFrom");
            sql.params.put("closeFrom", filter.closeFrom());
        }
        if (filter.closeTo() != null) {
            where.append(" and o.expected_close_date <= :closeTo");
            sql.params.put("closeTo", filter.closeTo());
        }
        if (filter.openOnly()) {
            where.append(" and o.closed_on is null");
        }
        String term = filter.term();
        if (term != null) {
            where.append(" and ").append(TextSearch.nameCondition("o", term.toLowerCase(Locale.ROOT), sql.params));
        }
        sql.sql = where.toString();
        return sql;
    }

    private static OpportunityRow row(ResultSet rs, int rowNum) throws SQLException {
        Date closedOn = rs.getDate("closed_on");
        return new OpportunityRow(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                rs.getString("name"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getDate("expected_close_date").toLocalDate(),
                OpportunityType.valueOf(rs.getString("type")),
                PipelineStage.valueOf(rs.getString("stage")),
                rs.getInt("probability"),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                rs.getString("next_step"),
                closedOn == null ? null : closedOn.toLocalDate(),
                rs.getLong("version"));
    }

    private record DetailRow(
            OpportunityRow row,
            @Nullable String competitor,
            @Nullable String lossReason,
            @Nullable Long sourceLeadId,
            java.time.Instant createdAt,
            java.time.Instant updatedAt) {}

    private record Key(long ownerId, String currency) {}

    private record Key2(String team, String currency) implements Comparable<Key2> {
        @Override
        public int compareTo(Key2 other) {
            int byTeam = team.compareTo(other.team);
            return byTeam != 0 ? byTeam : currency.compareTo(other.currency);
        }
    }

    private static final class Sql {
        private String sql = "";
        private final Map<String, Object> params = new LinkedHashMap<>();

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return PagedSql.bind(spec, params);
        }
    }
}

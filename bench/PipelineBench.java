import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipeline benchmark (issue 3). Run by bench/pipeline.sh against a running app on a database with 1M customers and
 * 1M opportunities. For each scenario it measures the page through HTTP (server side from Tomcat's access log, parsed
 * by the script) and the same SQL that OpportunityQueries issues for it, through JDBC, as the baseline; and, on the
 * same data in the same run, the previous version's SQL, which aggregated the deals themselves on every request (it
 * also checks that both count the same deals).
 *
 * Usage: java -cp postgresql.jar bench/PipelineBench.java BASE_URL JDBC_URL ITERATIONS OUT_FILE
 */
public class PipelineBench {

    enum Kind { BOARD, FORECAST }

    record Scenario(String name, String user, Kind kind, String scope) {}

    // OpportunityQueries' statements, verbatim apart from the placeholders; %s is the owner condition.
    static final String COLUMNS = """
            o.id, o.customer_id, c.name as customer_name, o.name, o.amount, o.currency, o.expected_close_date,
            o.type, o.stage, o.probability, o.owner_id, u.display_name as owner_name, o.next_step, o.closed_on,
            o.version""";
    static final String OPEN_CARDS = "select " + COLUMNS + """

            from (values ('PROSPECTING', 1), ('QUALIFICATION', 2), ('PROPOSAL', 3), ('NEGOTIATION', 4)) s(stage, pos)
            cross join lateral (select * from opportunity o
                where o.stage = s.stage and o.closed_on is null %s
                order by o.expected_close_date, o.id limit 25) o
            join customer c on c.id = o.customer_id
            join app_user u on u.id = o.owner_id
            order by s.pos, o.expected_close_date, o.id""";
    static final String CLOSED_CARDS = "select " + COLUMNS + """

            from (values ('WON', 5), ('LOST', 6)) s(stage, pos)
            cross join lateral (select * from opportunity o
                where o.stage = s.stage and o.closed_on >= ? %s
                order by o.closed_on desc, o.id desc limit 25) o
            join customer c on c.id = o.customer_id
            join app_user u on u.id = o.owner_id
            order by s.pos, o.closed_on desc, o.id desc""";
    // this version: open columns from the running totals kept by V6's trigger, closed columns from recent deals
    static final String BOARD_TOTALS = """
            select o.stage, o.currency, sum(o.deals) as deals, sum(o.amount) as amount,
                   sum(o.weighted100) as weighted100
            from opportunity_open_total o where o.deals <> 0 %s
            group by o.stage, o.currency
            union all
            select o.stage, o.currency, count(*), sum(o.amount), 0
            from opportunity o where o.closed_on >= ? %s
            group by o.stage, o.currency
            order by currency""";
    static final String FORECAST = """
            select to_char(o.month, 'YYYY-MM') as month, o.owner_id, o.currency, o.open_deals, o.pipeline,
                   o.weighted100, o.won, o.open_deals + o.won_deals as deals
            from opportunity_month_total o
            where o.month >= ? and o.month < ? and (o.open_deals <> 0 or o.won_deals <> 0) %s""";

    // the previous version (commit b1b19ec): the same figures aggregated from the deals on every request
    static final String BOARD_TOTALS_BEFORE = """
            select stage, currency, count(*) as deals, sum(amount) as amount, sum(amount * probability) as weighted100
            from (select o.stage, o.currency, o.amount, o.probability from opportunity o
                  where o.closed_on is null %s
                  union all
                  select o.stage, o.currency, o.amount, o.probability from opportunity o
                  where o.closed_on >= ? %s) d
            group by stage, currency
            order by currency""";
    static final String FORECAST_OPEN_BEFORE = """
            select to_char(o.expected_close_date, 'YYYY-MM') as month, o.owner_id, o.currency, count(*) as deals,
                   sum(o.amount) as pipeline, sum(o.amount * o.probability) as weighted100
            from opportunity o
            where o.closed_on is null and o.expected_close_date >= ? and o.expected_close_date < ? %s
            group by 1, 2, 3""";
    static final String FORECAST_WON_BEFORE = """
            select to_char(o.closed_on, 'YYYY-MM') as month, o.owner_id, o.currency, count(*) as deals,
                   sum(o.amount) as won
            from opportunity o
            where o.stage = 'WON' and o.closed_on >= ? and o.closed_on < ? %s
            group by 1, 2, 3""";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int iterations = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<Scenario> scenarios = List.of(
                new Scenario("board, own deals (10,000 open)", "rep1", Kind.BOARD, "MINE"),
                new Scenario("board, team East (3 sellers)", "manager", Kind.BOARD, "TEAM"),
                new Scenario("board, whole company", "admin", Kind.BOARD, "ALL"),
                new Scenario("forecast 12 months, own", "rep1", Kind.FORECAST, "MINE"),
                new Scenario("forecast 12 months, team East", "manager", Kind.FORECAST, "TEAM"),
                new Scenario("forecast 12 months, company", "admin", Kind.FORECAST, "ALL"));
        YearMonth from = YearMonth.now().minusMonths(5);
        YearMonth to = from.plusMonths(11);
        LocalDate today = LocalDate.now();

        List<String> lines = new ArrayList<>();
        lines.add("scenario\tuser\tclient_p50_ms\tclient_p95_ms\tsql_p50_ms\tsql_p95_ms\tbefore_p50_ms\tbefore_p95_ms"
                + "\tdeals\tpath");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.createStatement().execute("set plan_cache_mode = force_custom_plan");
            for (Scenario s : scenarios) {
                HttpClient http = login(base, s.user());
                String path = s.kind() == Kind.BOARD
                        ? "/opportunities/board?scope=" + s.scope()
                        : "/opportunities/forecast?scope=" + s.scope() + "&from=" + from + "&to=" + to;
                for (int i = 0; i < 5; i++) {
                    get(http, base + path);
                }
                double[] client = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    long t = System.nanoTime();
                    get(http, base + path);
                    client[i] = (System.nanoTime() - t) / 1e6;
                }
                List<Long> owners = owners(db, s);
                double[] sql = new double[iterations];
                double[] before = new double[iterations];
                long deals = 0;
                for (int i = 0; i < iterations + 5; i++) {
                    long t = System.nanoTime();
                    deals = s.kind() == Kind.BOARD
                            ? board(db, owners, today, BOARD_TOTALS)
                            : forecast(db, owners, from, to, List.of(FORECAST));
                    if (i >= 5) {
                        sql[i - 5] = (System.nanoTime() - t) / 1e6;
                    }
                    t = System.nanoTime();
                    long previous = s.kind() == Kind.BOARD
                            ? board(db, owners, today, BOARD_TOTALS_BEFORE)
                            : forecast(db, owners, from, to, List.of(FORECAST_OPEN_BEFORE, FORECAST_WON_BEFORE));
                    if (i >= 5) {
                        before[i - 5] = (System.nanoTime() - t) / 1e6;
                    }
                    if (previous != deals) {
                        throw new IllegalStateException(s.name() + ": running totals cover " + deals
                                + " deals, the deals themselves " + previous);
                    }
                }
                lines.add(String.join("\t", s.name(), s.user(), f(p(client, 50)), f(p(client, 95)), f(p(sql, 50)),
                        f(p(sql, 95)), f(p(before, 50)), f(p(before, 95)), String.valueOf(deals), path));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        Files.write(out, lines);
    }

    /** The owners in scope: rep1 alone, the East team (manager, rep1, rep2), or null for everybody. */
    static List<Long> owners(Connection db, Scenario s) throws Exception {
        List<String> names = switch (s.scope()) {
            case "MINE" -> List.of(s.user());
            case "TEAM" -> List.of("manager", "rep1", "rep2");
            default -> null;
        };
        if (names == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            try (PreparedStatement ps = db.prepareStatement("select id from app_user where username = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    static String condition(List<Long> owners) {
        if (owners == null) {
            return "";
        }
        return owners.size() == 1
                ? " and o.owner_id = ?"
                : " and o.owner_id in (" + String.join(", ", owners.stream().map(o -> "?").toList()) + ")";
    }

    static int bindOwners(PreparedStatement ps, int index, List<Long> owners) throws Exception {
        if (owners != null) {
            for (Long owner : owners) {
                ps.setLong(index++, owner);
            }
        }
        return index;
    }

    static long board(Connection db, List<Long> owners, LocalDate today, String totals) throws Exception {
        Date since = Date.valueOf(today.minusDays(30));
        String condition = condition(owners);
        try (PreparedStatement ps = db.prepareStatement(OPEN_CARDS.formatted(condition))) {
            bindOwners(ps, 1, owners);
            drain(ps);
        }
        try (PreparedStatement ps = db.prepareStatement(CLOSED_CARDS.formatted(condition))) {
            ps.setDate(1, since);
            bindOwners(ps, 2, owners);
            drain(ps);
        }
        long deals = 0;
        try (PreparedStatement ps = db.prepareStatement(totals.formatted(condition, condition))) {
            int i = bindOwners(ps, 1, owners);
            ps.setDate(i++, since);
            bindOwners(ps, i, owners);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deals += rs.getLong("deals");
                }
            }
        }
        return deals;
    }

    static long forecast(Connection db, List<Long> owners, YearMonth from, YearMonth to, List<String> statements)
            throws Exception {
        String condition = condition(owners);
        long deals = 0;
        for (String sql : statements) {
            try (PreparedStatement ps = db.prepareStatement(sql.formatted(condition))) {
                ps.setDate(1, Date.valueOf(from.atDay(1)));
                ps.setDate(2, Date.valueOf(to.plusMonths(1).atDay(1)));
                bindOwners(ps, 3, owners);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deals += rs.getLong("deals");
                    }
                }
            }
        }
        return deals;
    }

    static void drain(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
    }

    static HttpClient login(String base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String page = get(http, base + "/login");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + user + "&password=kehu-demo&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed for " + user);
        }
        return http;
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

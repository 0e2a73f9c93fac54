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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Support queue benchmark (issue 4). Run by bench/tickets.sh against a running app on a database with 1M customers
 * and 5M tickets. For each scenario it measures the page through HTTP (server side from Tomcat's access log, parsed
 * by the script) and the same SQL that TicketQueries issues for it (the page and, when it runs, the capped count),
 * through JDBC on the same data in the same run, as the baseline.
 *
 * Usage: java -cp postgresql.jar bench/TicketBench.java BASE_URL JDBC_URL ITERATIONS OUT_FILE
 */
public class TicketBench {

    record Scenario(String name, String user, String path, String where, boolean rep, boolean history) {}

    // TicketQueries' statements, verbatim apart from the placeholders
    static final String OPEN = "t.status not in ('RESOLVED', 'CLOSED')";
    static final String COLUMNS = """
            t.id, t.number, t.customer_id, c.name as customer_name, t.subject, t.type, t.channel,
            cat.name_en, cat.name_zh, t.priority, t.status, t.assignee_id, a.display_name as assignee_name,
            t.first_response_due_at, t.resolution_due_at, t.first_responded_at, t.resolved_at, t.escalation_level,
            case when t.first_responded_at is null
                 then t.status not in ('RESOLVED', 'CLOSED') and t.first_response_due_at < ?
                 else t.first_responded_at > t.first_response_due_at end as first_response_breached,
            coalesce(t.resolved_at, ?) > t.resolution_due_at as resolution_breached,
            t.created_at, t.version""";
    static final String PAGE = "select " + COLUMNS + """

            from (select t.* from %s %s order by %s
                  limit ? offset ?) t
            join customer c on c.id = t.customer_id
            join ticket_category cat on cat.id = t.category_id
            left join app_user a on a.id = t.assignee_id
            order by %s""";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int iterations = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<String> lines = new ArrayList<>();
        lines.add("scenario\tuser\tclient_p50_ms\tclient_p95_ms\tsql_p50_ms\tsql_p95_ms\trows\tpath");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.createStatement().execute("set plan_cache_mode = force_custom_plan");
            long agent = userId(db, "agent1");
            long rep1 = userId(db, "rep1");
            long busiest = single(db, "select customer_id from ticket group by customer_id order by count(*) desc limit 1");
            List<Scenario> scenarios = List.of(
                    new Scenario("queue: my open tickets", "agent1", "/tickets?view=MINE",
                            " where true and t.assignee_id = ? and " + OPEN, false, false),
                    new Scenario("queue: unassigned", "agent1", "/tickets?view=UNASSIGNED",
                            " where true and t.assignee_id is null and " + OPEN, false, false),
                    new Scenario("queue: breaching soon", "agent1", "/tickets?view=BREACHING",
                            " where true and " + OPEN + " and (t.resolution_due_at <= ?"
                                    + " or (t.first_responded_at is null and t.first_response_due_at <= ?))",
                            false, false),
                    new Scenario("queue: escalated", "agent1", "/tickets?view=ESCALATED",
                            " where true and t.escalation_level > 0 and " + OPEN, false, false),
                    new Scenario("customer history (busiest customer)", "agent1",
                            "/tickets/for-customer/" + busiest, " where t.customer_id = ?", false, true),
                    new Scenario("rep: tickets of own customers", "rep1", "/tickets?view=ALL",
                            " where true and c.owner_id in (?)", true, false));
            for (Scenario s : scenarios) {
                HttpClient http = login(base, s.user());
                for (int i = 0; i < 5; i++) {
                    get(http, base + s.path());
                }
                double[] client = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    long t = System.nanoTime();
                    get(http, base + s.path());
                    client[i] = (System.nanoTime() - t) / 1e6;
                }
                double[] sql = new double[iterations];
                int rows = 0;
                for (int i = 0; i < iterations + 5; i++) {
                    long t = System.nanoTime();
                    rows = runSql(db, s, agent, rep1, busiest);
                    if (i >= 5) {
                        sql[i - 5] = (System.nanoTime() - t) / 1e6;
                    }
                }
                lines.add(String.join("\t", s.name(), s.user(), f(p(client, 50)), f(p(client, 95)), f(p(sql, 50)),
                        f(p(sql, 95)), String.valueOf(rows), s.path()));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        Files.write(out, lines);
    }

    static int runSql(Connection db, Scenario s, long agent, long rep1, long customer) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp soon = Timestamp.from(Instant.now().plus(Duration.ofMinutes(30)));
        // agents' queue views by due time; a customer's history and a rep's list newest first (TicketController)
        String order = s.history() || s.rep() ? "t.created_at desc, t.id desc" : "t.resolution_due_at asc, t.id asc";
        int limit = s.history() ? 50 : 25;
        List<Object> whereParams = new ArrayList<>();
        if (s.where().contains("assignee_id = ?")) {
            whereParams.add(agent);
        }
        if (s.where().contains("resolution_due_at <= ?")) {
            whereParams.add(soon);
            whereParams.add(soon);
        }
        if (s.history()) {
            whereParams.add(customer);
        }
        if (s.rep()) {
            whereParams.add(rep1);
        }
        int rows = 0;
        String from = s.rep() ? "ticket t join customer c on c.id = t.customer_id" : "ticket t";
        try (PreparedStatement ps = db.prepareStatement(PAGE.formatted(from, s.where(), order, order))) {
            int i = 1;
            ps.setTimestamp(i++, now);
            ps.setTimestamp(i++, now);
            for (Object p : whereParams) {
                ps.setObject(i++, p);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        if (!s.history() && rows == limit) {
            try (PreparedStatement ps =
                    db.prepareStatement("select count(*) from (select 1 from " + from + s.where() + " limit ?) capped")) {
                int i = 1;
                for (Object p : whereParams) {
                    ps.setObject(i++, p);
                }
                ps.setInt(i, 1_001);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        return rows;
    }

    static long userId(Connection db, String username) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select id from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long single(Connection db, String sql) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
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

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customer list benchmark (issue 2). Run by bench/customer-list.sh against a running app on a database with 1M
 * customers. For each scenario it measures the page through HTTP (client side; server side comes from Tomcat's
 * access log, parsed by the script) and the same SQL that CustomerQueries issues, through JDBC on the same data in
 * the same run, as the baseline.
 *
 * Usage: java -cp postgresql.jar bench/CustomerListBench.java BASE_URL JDBC_URL ITERATIONS OUT_FILE
 */
public class CustomerListBench {

    record Scenario(String name, String user, String query) {}

    // The SQL of CustomerQueries.list for these scenarios, verbatim apart from the bound values' placeholders.
    static final String PAGE = """
            select c.id, c.code, c.name, c.kind, c.status, c.importance, c.phone, c.email, c.industry, c.region,
                   c.source, u.username as owner_username, u.display_name as owner_name, c.tags, c.archived,
                   c.version, c.created_at, c.updated_at
            from (select * from customer c %s order by c.name asc, c.id asc limit ? offset ?) c
            join app_user u on u.id = c.owner_id
            order by c.name asc, c.id asc""";

    static final String SEARCH_PAGE = """
            select c.id, c.code, c.name, c.kind, c.status, c.importance, c.phone, c.email, c.industry, c.region,
                   c.source, u.username as owner_username, u.display_name as owner_name, c.tags, c.archived,
                   c.version, c.created_at, c.updated_at
            from (select * from (select * from customer c %s limit 1001) c
                  order by c.name asc, c.id asc limit ? offset ?) c
            join app_user u on u.id = c.owner_id
            order by c.name asc, c.id asc""";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int iterations = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<Scenario> scenarios = List.of(
                new Scenario("list, first page", "rep1", ""),
                new Scenario("list, first page", "admin", ""),
                new Scenario("list, page 100", "admin", "page=100"),
                new Scenario("search 华光 (company)", "rep1", "q=华光"),
                new Scenario("search 华光 (company)", "admin", "q=华光"),
                new Scenario("search 张伟 (person)", "rep1", "q=张伟"),
                new Scenario("search 张伟 (person)", "admin", "q=张伟"),
                new Scenario("search Harbor (latin)", "admin", "q=Harbor"),
                new Scenario("search 有限公司 (very common)", "admin", "q=有限公司"),
                new Scenario("search phone 1380", "admin", "q=1380"));

        List<String> lines = new ArrayList<>();
        lines.add("scenario\tuser\tclient_p50_ms\tclient_p95_ms\tsql_p50_ms\tsql_p95_ms\trows\tpath");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            // the same session setting as the application's connection pool (application.properties)
            db.createStatement().execute("set plan_cache_mode = force_custom_plan");
            long rep1 = userId(db, "rep1");
            for (Scenario s : scenarios) {
                HttpClient http = login(base, s.user());
                String path = "/customers" + (s.query().isEmpty() ? "" : "?" + encode(s.query()));
                for (int i = 0; i < 10; i++) {
                    get(http, base + path);
                }
                double[] client = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    long t = System.nanoTime();
                    get(http, base + path);
                    client[i] = (System.nanoTime() - t) / 1e6;
                }
                double[] sql = new double[iterations];
                int rows = 0;
                for (int i = 0; i < iterations + 10; i++) {
                    long t = System.nanoTime();
                    rows = runSql(db, s, s.user().equals("rep1") ? rep1 : null);
                    if (i >= 10) {
                        sql[i - 10] = (System.nanoTime() - t) / 1e6;
                    }
                }
                lines.add(String.join("\t", s.name(), s.user(), f(p(client, 50)), f(p(client, 95)), f(p(sql, 50)),
                        f(p(sql, 95)), String.valueOf(rows), path));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        Files.write(out, lines);
    }

    static int runSql(Connection db, Scenario s, Long ownerId) throws Exception {
        String q = s.query().startsWith("q=") ? s.query().substring(2) : null;
        int page = s.query().startsWith("page=") ? Integer.parseInt(s.query().substring(5)) : 0;
        StringBuilder where = new StringBuilder(" where c.archived = ?");
        List<Object> params = new ArrayList<>();
        params.add(false);
        if (ownerId != null) {
            where.append(q == null ? " and c.owner_id in (?)" : " and c.owner_id + 0 in (?)");
            params.add(ownerId);
        }
        if (q != null) {
            String lower = q.toLowerCase(Locale.ROOT);
            List<String> branches = new ArrayList<>();
            branches.add("(c.name_bigrams @> kehu_bigrams(?) and lower(c.name) like ? escape '\\')");
            params.add(lower);
            params.add("%" + lower + "%");
            branches.add("c.code like ? escape '\\'");
            params.add(q.toUpperCase(Locale.ROOT) + "%");
            if (q.matches("[0-9+()\\- ]+") && q.replaceAll("\\D", "").length() >= 3) {
                branches.add("c.phone_digits like ?");
                branches.add("reverse(c.phone_digits) like ?");
                params.add(q + "%");
                params.add(new StringBuilder(q).reverse() + "%");
            }
            if (lower.length() >= 3 && !lower.contains(" ")) {
                branches.add("lower(c.email) like ? escape '\\'");
                params.add(lower + "%");
            }
            where.append(" and (").append(String.join(" or ", branches)).append(")");
        }
        int rows = 0;
        try (PreparedStatement ps = db.prepareStatement((q == null ? PAGE : SEARCH_PAGE).formatted(where))) {
            int i = bind(ps, params);
            ps.setInt(i++, 25);
            ps.setLong(i, (long) page * 25);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        if (page > 0 || rows == 25) {
            try (PreparedStatement ps = db.prepareStatement(
                    "select count(*) from (select 1 from customer c" + where + " limit ?) capped")) {
                int i = bind(ps, params);
                ps.setInt(i, 1_001);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        return rows;
    }

    static int bind(PreparedStatement ps, List<Object> params) throws Exception {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
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
        String form = "username=" + user + "&password=kehu-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
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

    static String encode(String query) {
        int eq = query.indexOf('=');
        return query.substring(0, eq + 1) + URLEncoder.encode(query.substring(eq + 1), StandardCharsets.UTF_8);
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

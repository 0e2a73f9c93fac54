import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Segment count benchmark (issue 5). Run by bench/segment-count.sh against a running app on a database with 1M
 * customers and purchase facts for about 60% of them. For each scenario it creates the segment through the API, then
 * measures {@code GET /api/v1/segments/{id}/count} (client side, as marketer1) and the same SQL that
 * marketing.SegmentSql builds, through JDBC on the same data in the same run, as the baseline.
 *
 * Usage: java -cp postgresql.jar bench/SegmentCountBench.java BASE_URL JDBC_URL ITERATIONS
 */
public class SegmentCountBench {

    record Scenario(String name, String criteria, String sql, List<Object> params) {}

    static final String C = "select count(*) from customer c where true and not c.archived";
    static final String CP = "select count(*) from customer c left join customer_purchase p on p.customer_id = c.id"
            + " where true and not c.archived";
    static final String EMPLOYEES = "(case when c.profile->>'basic.employees' ~ '^[0-9]{1,9}(\\.[0-9]+)?$'"
            + " then (c.profile->>'basic.employees')::numeric end)";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int iterations = Integer.parseInt(args[2]);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Scenario> scenarios = List.of(
                new Scenario("all customers (no criteria)", "{}", C, List.of()),
                new Scenario(
                        "industry RETAIL or IT, region EAST",
                        "{\"industries\": [\"RETAIL\", \"IT\"], \"regions\": [\"EAST\"]}",
                        C + " and c.industry in (?, ?) and c.region in (?)",
                        List.of("RETAIL", "IT", "EAST")),
                new Scenario(
                        "tags any of 展会, 大客户",
                        "{\"tags\": [\"展会\", \"大客户\"]}",
                        C + " and c.tags && array[?, ?]::text[]",
                        List.of("展会", "大客户")),
                new Scenario(
                        "age 30-45 (individuals, profile birthday)",
                        "{\"minAge\": 30, \"maxAge\": 45}",
                        C + " and c.kind = 'INDIVIDUAL' and c.profile->>'basic.birthday' <= ?"
                                + " and c.profile->>'basic.birthday' > ?",
                        List.of(today.minusYears(30).toString(), today.minusYears(46).toString())),
                new Scenario(
                        "VIP enterprises, 200+ employees, status ACTUAL",
                        "{\"statuses\": [\"ACTUAL\"], \"importances\": [\"VIP\"], \"minEmployees\": 200}",
                        C + " and c.status in (?) and c.importance in (?) and c.kind = 'ENTERPRISE' and " + EMPLOYEES
                                + " >= ?",
                        List.of("ACTUAL", "VIP", 200)),
                new Scenario(
                        "spend >= 150,000 and bought since 2026-01-01",
                        "{\"lastPurchaseFrom\": \"2026-01-01\", \"minSpend\": 150000}",
                        CP + " and p.last_order_on >= ? and p.total_amount >= ?",
                        List.of(LocalDate.of(2026, 1, 1), new java.math.BigDecimal(150000))),
                new Scenario(
                        "due to reorder within 7 days",
                        "{\"dueToReorderWithinDays\": 7}",
                        CP + " and p.next_expected_on <= ? and p.purchase_days >= ?",
                        List.of(today.plusDays(7), 2)),
                new Scenario(
                        "never bought, source ADVERTISING",
                        "{\"sources\": [\"ADVERTISING\"], \"neverBought\": true}",
                        CP + " and c.source in (?) and p.customer_id is null",
                        List.of("ADVERTISING")),
                new Scenario(
                        "win-back (the built-in segment's criterion)",
                        "{\"winBack\": true}",
                        CP + " and c.retention_flag is null and (c.status = 'LOST' or (p.purchase_days >= 2"
                                + " and (cast(? as date) - p.last_order_on) > cast(? as numeric) * p.median_interval_days)"
                                + " or (p.purchase_days = 1 and p.last_order_on < ?))",
                        List.of(today, new java.math.BigDecimal("2.0"), today.minusDays(365))));

        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("marketer1:kehu-demo".getBytes(StandardCharsets.UTF_8));
        System.out.println("| Segment | Customers | API p50 | API p95 | Bare SQL p50 | Bare SQL p95 |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (Scenario s : scenarios) {
                String body = "{\"name\": \"bench " + System.nanoTime() + "\", \"criteria\": " + s.criteria() + "}";
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/segments"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException(created.statusCode() + " " + created.body());
                }
                String location = created.headers().firstValue("Location").orElseThrow();
                HttpRequest count = HttpRequest.newBuilder(URI.create(base + location + "/count"))
                        .header("Authorization", auth)
                        .build();
                long apiCount = -1;
                List<Double> api = new ArrayList<>();
                for (int i = 0; i < iterations + 3; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(count, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - t) / 1e6;
                    Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(r.body());
                    if (r.statusCode() != 200 || !m.find()) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    apiCount = Long.parseLong(m.group(1));
                    if (i >= 3) {
                        api.add(ms);
                    }
                }
                List<Double> bare = new ArrayList<>();
                long sqlCount = -1;
                try (PreparedStatement ps = db.prepareStatement(s.sql())) {
                    for (int p = 0; p < s.params().size(); p++) {
                        ps.setObject(p + 1, s.params().get(p));
                    }
                    for (int i = 0; i < iterations + 3; i++) {
                        long t = System.nanoTime();
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            sqlCount = rs.getLong(1);
                        }
                        if (i >= 3) {
                            bare.add((System.nanoTime() - t) / 1e6);
                        }
                    }
                }
                if (sqlCount != apiCount) {
                    throw new IllegalStateException(s.name() + ": API " + apiCount + " but SQL " + sqlCount);
                }
                System.out.printf(
                        "| %s | %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n",
                        s.name(), apiCount, pct(api, 50), pct(api, 95), pct(bare, 50), pct(bare, 95));
            }
        }
    }

    static double pct(List<Double> values, int p) {
        List<Double> s = values.stream().sorted().toList();
        return s.get(Math.max(0, Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)));
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Campaign performance benchmark (issue 5). Run by bench/campaign-performance.sh against a running app on a database
 * with 1M customers, 10M orders and 200 campaigns. For "Bench campaign 1" (5,000 touched members) and "Bench campaign 2"
 * (50,000) it measures GET /api/v1/campaigns/{id}/performance (client side here; server side from Tomcat's access log,
 * parsed by the script) and the same statement through JDBC as the baseline. The statement is read from
 * CampaignAttribution.java itself, so the baseline cannot drift from the application's SQL.
 *
 * Usage: java -cp postgresql.jar bench/CampaignBench.java BASE_URL JDBC_URL ITERATIONS OUT_FILE
 */
public class CampaignBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int iterations = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        String sql = attributionSql();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("marketer1:kehu-demo".getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        lines.add("campaign\tmembers\torders\tclient_p50_ms\tclient_p95_ms\tsql_p50_ms\tsql_p95_ms\tpath");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(false);
            for (String name : List.of("Bench campaign 1", "Bench campaign 2")) {
                long id;
                long members;
                try (PreparedStatement ps = db.prepareStatement("""
                        select c.id, count(*) from campaign c join campaign_member m on m.campaign_id = c.id
                        where c.name = ? and m.touched_on is not null group by c.id""")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                        members = rs.getLong(2);
                    }
                }
                String path = "/api/v1/campaigns/" + id + "/performance";
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).build();
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                // HTTP and bare SQL alternate, so both see the same load on the (shared) machine
                double[] client = new double[iterations];
                double[] bare = new double[iterations];
                long orders = 0;
                for (int i = 0; i < iterations + 5; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    if (i >= 5) {
                        client[i - 5] = (System.nanoTime() - t) / 1e6;
                    }
                    t = System.nanoTime();
                    db.createStatement().execute("set local jit = off");
                    try (PreparedStatement ps = db.prepareStatement(sql)) {
                        Array ids = db.createArrayOf("bigint", new Object[] {id});
                        ps.setArray(1, ids);
                        ps.setArray(2, ids);
                        ps.setArray(3, ids);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            orders = rs.getLong("orders");
                        }
                    }
                    db.commit();
                    if (i >= 5) {
                        bare[i - 5] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Matcher m = Pattern.compile("\"orders\":(\\d+)").matcher(body);
                if (!m.find() || Long.parseLong(m.group(1)) != orders) {
                    throw new IllegalStateException("API and SQL disagree: " + body + " vs " + orders + " orders");
                }
                lines.add(String.join("\t", name, String.valueOf(members), String.valueOf(orders), f(p(client, 50)),
                        f(p(client, 95)), f(p(bare, 50)), f(p(bare, 95)), path));
                System.out.println(lines.get(lines.size() - 1) + "\t" + body);
                if (name.endsWith("1")) {
                    // the floor every API call pays: HTTP Basic checks the BCrypt hash on each (stateless) request
                    String floor = "/api/v1/campaigns/" + id + "/expenses";
                    HttpRequest cheap = HttpRequest.newBuilder(URI.create(base + floor)).header("Authorization", auth).build();
                    for (int i = 0; i < 5; i++) {
                        http.send(cheap, HttpResponse.BodyHandlers.ofString());
                    }
                    double[] times = new double[iterations];
                    for (int i = 0; i < iterations; i++) {
                        long t = System.nanoTime();
                        http.send(cheap, HttpResponse.BodyHandlers.ofString());
                        times[i] = (System.nanoTime() - t) / 1e6;
                    }
                    lines.add(String.join("\t", "floor: GET expenses (HTTP Basic + 2 tiny queries)", "-", "-",
                            f(p(times, 50)), f(p(times, 95)), "-", "-", floor));
                }
            }
        }
        Files.write(out, lines);
    }

    /** CampaignAttribution's statement under LAST_TOUCH, with JDBC placeholders for :ids. */
    static String attributionSql() throws Exception {
        String source = Files.readString(Path.of("src/main/java/com/kehu/crm/marketing/CampaignAttribution.java"));
        Matcher sql = Pattern.compile("SQL = \"\"\"(.*?)\"\"\";", Pattern.DOTALL).matcher(source);
        Matcher rule = Pattern.compile("LAST_TOUCH_WINS = \"(.*?)\";").matcher(source);
        if (!sql.find() || !rule.find()) {
            throw new IllegalStateException("statement not found in CampaignAttribution.java");
        }
        return sql.group(1).replace("%s", rule.group(1)).replace(":ids", "?");
    }

    static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

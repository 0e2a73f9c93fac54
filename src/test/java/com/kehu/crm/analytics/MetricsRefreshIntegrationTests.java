package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.analytics.clv.BgNbd;
import com.kehu.crm.analytics.clv.RepeatHistory;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class MetricsRefreshIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MetricsFacts facts;

    @Autowired
    MetricsRefresh refresh;

    long customer() {
        long owner = jdbc.sql("select id from app_user where username = 'rep1'")
                .query(Long.class)
                .single();
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '分析测试', 'B2B', 'ORDINARY', 'ACTUAL', :owner)""")
                .param("id", id)
                .param("code", "AN-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    void order(long customer, String date, String status, String amount, String cost) {
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, created_by)
                        values (nextval('sales_order_seq'), :number, :customer, :date, 'CNY', :status, :amount, :cost,
                                (select id from app_user where username = 'rep1'))""")
                .param("number", "AN" + UUID.randomUUID().toString().substring(0, 12))
                .param("customer", customer)
                .param("date", LocalDate.parse(date))
                .param("status", status)
                .param("amount", new BigDecimal(amount))
                .param("cost", new BigDecimal(cost))
                .update();
    }

    void survey(long customer, String at, int recommend, int repurchase) {
        jdbc.sql("""
                        insert into survey_response (id, customer_id, channel, overall, expectation, performance,
                                                     repurchase_intent, recommend, created_at)
                        values (nextval('survey_response_seq'), :customer, 'LINK', 4, 4, 4, :repurchase, :recommend,
                                cast(:at as timestamptz))""")
                .param("customer", customer)
                .param("repurchase", repurchase)
                .param("recommend", recommend)
                .param("at", at)
                .update();
    }

    @Test
    void factsCountCompletedOrdersOnlyAndSameDayOrdersAsOnePurchase() {
        long none = customer();
        long once = customer();
        order(once, "2026-05-10", "COMPLETED", "300.00", "100.00");
        long sameDay = customer();
        order(sameDay, "2026-04-01", "COMPLETED", "100.00", "60.00");
        order(sameDay, "2026-04-01", "COMPLETED", "50.00", "20.00");
        order(sameDay, "2026-04-02", "CANCELLED", "999.00", "0.00");
        order(sameDay, "2026-04-03", "DRAFT", "999.00", "0.00");
        long regular = customer();
        order(regular, "2025-01-10", "COMPLETED", "200.00", "100.00");
        order(regular, "2025-03-10", "COMPLETED", "300.00", "100.00");
        order(regular, "2026-02-01", "COMPLETED", "400.00", "100.00");
        order(regular, "2026-06-15", "COMPLETED", "500.00", "100.00");
        order(regular, "2026-07-15", "COMPLETED", "9999.00", "100.00");
        survey(regular, "2026-01-01T10:00:00+08:00", 2, 1);
        survey(regular, "2026-03-01T10:00:00+08:00", 9, 4);

        String table = "analytics_facts_ft" + Math.abs(new Random().nextInt(1_000_000));
        facts.create(table);
        try {
            facts.fill(table, LocalDate.of(2026, 6, 30));
            Map<Long, Map<String, Object>> rows = new HashMap<>();
            jdbc.sql("select * from " + table + " where customer_id in (:ids)")
                    .param("ids", List.of(none, once, sameDay, regular))
                    .query()
                    .listOfRows()
                    .forEach(row -> rows.put((Long) row.get("customer_id"), row));
            assertThat(rows).hasSize(4);
            assertThat(rows.get(none).get("purchase_days")).isEqualTo(0);
            assertThat(rows.get(none).get("first_purchase")).isNull();
            assertThat((BigDecimal) rows.get(none).get("revenue_total")).isEqualByComparingTo("0");

            assertThat(rows.get(once).get("purchase_days")).isEqualTo(1);
            assertThat((BigDecimal) rows.get(once).get("first_day_amount")).isEqualByComparingTo("300");

            // two completed orders on one day are one purchase; cancelled and draft orders never count
            assertThat(rows.get(sameDay).get("orders")).isEqualTo(2);
            assertThat(rows.get(sameDay).get("purchase_days")).isEqualTo(1);
            assertThat((BigDecimal) rows.get(sameDay).get("revenue_total")).isEqualByComparingTo("150");
            assertThat((BigDecimal) rows.get(sameDay).get("margin_total")).isEqualByComparingTo("70");

            Map<String, Object> r = rows.get(regular);
            // the order after the day is not counted yet
            assertThat(r.get("purchase_days")).isEqualTo(4);
            assertThat((BigDecimal) r.get("revenue_total")).isEqualByComparingTo("1400");
            assertThat((BigDecimal) r.get("first_day_amount")).isEqualByComparingTo("200");
            // the last 12 months start after 2025-06-30: the 2026 orders
            assertThat((BigDecimal) r.get("revenue_12m")).isEqualByComparingTo("900");
            assertThat(r.get("purchase_days_12m")).isEqualTo(2);
            // 2024-06-30..2025-06-30: the two 2025 purchases
            assertThat(r.get("purchase_days_prev_12m")).isEqualTo(2);
            // 2026-01-01..06-30 is the last 6 months, 2025-07-01..12-31 the 6 before
            assertThat((BigDecimal) r.get("revenue_last_6m")).isEqualByComparingTo("900");
            assertThat((BigDecimal) r.get("revenue_prev_6m")).isEqualByComparingTo("0");
            // the latest survey answer is the one that counts
            assertThat(((Number) r.get("recommend")).intValue()).isEqualTo(9);
            assertThat(((Number) r.get("repurchase_intent")).intValue()).isEqualTo(4);
        } finally {
            facts.drop(table);
        }
    }

    JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void aRefreshRunsInTheBackgroundAndSwapsInOneRowPerCustomer() throws Exception {
        long buyer = customer();
        order(buyer, LocalDate.now().minusDays(40).toString(), "COMPLETED", "1000.00", "400.00");
        order(buyer, LocalDate.now().minusDays(10).toString(), "COMPLETED", "1000.00", "400.00");
        long prospect = customer();

        assertThat(mvc.post().uri("/api/v1/analytics/refresh").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult started = mvc.post()
                .uri("/api/v1/analytics/refresh")
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        long id = json(started).get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = json(mvc.get()
                    .uri("/api/v1/analytics/refresh/" + id)
                    .with(httpBasic("manager", PASSWORD))
                    .exchange());
            return !status.get("status").asString().matches("QUEUED|RUNNING");
        });
        JsonNode done = json(mvc.get()
                .uri("/api/v1/analytics/refresh/" + id)
                .with(httpBasic("manager", PASSWORD))
                .exchange());
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("stepsDone").asInt())
                .isEqualTo(done.get("stepsTotal").asInt());
        assertThat(done.get("customers").asInt()).isGreaterThanOrEqualTo(2);

        Map<String, Object> metrics = jdbc.sql("select * from customer_metrics where customer_id = :id")
                .param("id", buyer)
                .query()
                .singleRow();
        assertThat(metrics.get("refresh_id")).isEqualTo(id);
        assertThat(metrics.get("purchase_days")).isEqualTo(2);
        assertThat((BigDecimal) metrics.get("margin_12m")).isEqualByComparingTo("1200");
        assertThat(metrics.get("clv_method")).isIn("MODEL", "SIMPLE");
        assertThat((BigDecimal) metrics.get("clv")).isNotNull();
        assertThat(metrics.get("loyalty")).isEqualTo("UNKNOWN");
        Map<String, Object> none = jdbc.sql("select * from customer_metrics where customer_id = :id")
                .param("id", prospect)
                .query()
                .singleRow();
        assertThat(none.get("value_tier")).isEqualTo("ORDINARY");
        assertThat(none.get("clv")).isNull();
        // the swapped-in table has its indexes under their own names, and no work tables are left behind
        assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'customer_metrics'"
                                + " and indexname like 'customer_metrics\\_%'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from pg_tables where tablename ~ '^(analytics_facts|analytics_values|"
                                + "customer_metrics)_[0-9]+$'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void twoRequestsWhileOneRunsShareItAndAnAbandonedOneIsClosed() throws Exception {
        long running = jdbc.sql("select nextval('analytics_refresh_seq')")
                .query(Long.class)
                .single();
        try (Connection holder = dataSource.getConnection()) {
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, MetricsRefresh.LOCK);
                lock.execute();
            }
            jdbc.sql("""
                            insert into analytics_refresh (id, status, steps_total, requested_at, started_at)
                            values (:id, 'RUNNING', 4, now() - interval '1 hour', now() - interval '1 hour')""").param("id", running).update();
            // another instance is computing (it holds the lock): both requests get its refresh
            assertThat(refresh.request(null)).isEqualTo(running);
            assertThat(refresh.request(null)).isEqualTo(running);
            try (PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, MetricsRefresh.LOCK);
                unlock.execute();
            }
        }
        // that instance stopped without finishing: the next request closes its refresh and starts a new one
        long next = refresh.request(null);
        assertThat(next).isNotEqualTo(running);
        assertThat(refresh.status(running).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(refresh.status(running).orElseThrow().failure()).isEqualTo("analytics.refresh.failure.abandoned");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> !refresh.status(next).orElseThrow().status().matches("QUEUED|RUNNING"));
        assertThat(refresh.status(next).orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void theModelFitUsesTheCohortsPurchasesAndReportsItsLikelihood() throws Exception {
        // 80 customers acquired in 1995 (no other test buys in 1995), each buying at its own pace until the end of 1997
        Random random = new Random(7);
        List<RepeatHistory> histories = new ArrayList<>();
        LocalDate end = LocalDate.of(1997, 12, 31);
        for (int i = 0; i < 80; i++) {
            long c = customer();
            LocalDate first = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(365));
            order(c, first.toString(), "COMPLETED", "100.00", "40.00");
            int repeats = random.nextInt(6);
            LocalDate last = first;
            for (int k = 0; k < repeats; k++) {
                last = last.plusDays(7 + random.nextInt(120));
                if (last.isAfter(end)) {
                    break;
                }
                order(c, last.toString(), "COMPLETED", String.valueOf(50 + random.nextInt(200)) + ".00", "10.00");
            }
        }
        // the independent count of the same histories, to check the likelihood the fit reports
        jdbc.sql("""
                        select count(distinct o.order_date) - 1 as x, max(o.order_date) - min(o.order_date) as tx,
                               date '1997-12-31' - min(o.order_date) as t
                        from sales_order o join customer c on c.id = o.customer_id
                        where o.status = 'COMPLETED' and o.order_date <= date '1997-12-31'
                        group by o.customer_id
                        having min(o.order_date) between date '1995-01-01' and date '1995-12-31'""")
                .query((rs, n) -> {
                    int x = rs.getInt("x");
                    return new RepeatHistory(x, x == 0 ? 0 : rs.getInt("tx") / 7.0, rs.getInt("t") / 7.0);
                })
                .list()
                .forEach(histories::add);
        assertThat(histories).hasSize(80);

        MvcTestResult fit = mvc.post()
                .uri("/api/v1/analytics/clv/fit")
                .with(httpBasic("manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"calibrationEnd": "1997-12-31", "timeUnit": "WEEK", "cohortFrom": "1995-01-01",
                         "cohortTo": "1995-12-31"}""")
                .exchange();
        assertThat(fit).hasStatusOk();
        JsonNode body = json(fit);
        JsonNode bg = body.get("bgnbd");
        assertThat(bg.get("customers").asInt()).isEqualTo(80);
        BgNbd model = new BgNbd(
                bg.get("r").asDouble(),
                bg.get("alpha").asDouble(),
                bg.get("a").asDouble(),
                bg.get("b").asDouble());
        double expected = histories.stream().mapToDouble(model::logLikelihood).sum();
        assertThat(bg.get("logLikelihood").asDouble()).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        JsonNode gg = body.get("gammaGamma");
        assertThat(gg.get("customers").asInt()).isPositive().isLessThanOrEqualTo(80);
        assertThat(gg.get("p").asDouble()).isPositive();

        assertThat(mvc.post()
                        .uri("/api/v1/analytics/clv/fit")
                        .with(httpBasic("manager", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\": \"1990-01-01\", \"cohortFrom\": \"1989-01-01\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(mvc.post()
                        .uri("/api/v1/analytics/clv/fit")
                        .with(httpBasic("manager", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/analytics/clv/fit")
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\": \"1997-12-31\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}

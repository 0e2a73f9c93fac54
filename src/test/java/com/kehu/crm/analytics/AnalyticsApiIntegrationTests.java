package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AnalyticsApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** Each set-up's big buyer buys more than the one before, so the latest is first by profit whatever ran before. */
    static final java.util.concurrent.atomic.AtomicInteger ROUND = new java.util.concurrent.atomic.AtomicInteger();

    long mine;
    long theirs;

    long customer(String owner) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '分析接口测试', 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "AA-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    void order(long customer, LocalDate date, String amount, String cost) {
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, created_by)
                        values (nextval('sales_order_seq'), :number, :customer, :date, 'CNY', 'COMPLETED', :amount,
                                :cost, (select id from app_user where username = 'rep1'))""")
                .param("number", "AA" + UUID.randomUUID().toString().substring(0, 12))
                .param("customer", customer)
                .param("date", date)
                .param("amount", new BigDecimal(amount))
                .param("cost", new BigDecimal(cost))
                .update();
    }

    @BeforeEach
    void computeMetrics() {
        mine = customer("rep1");
        // a big, recent, frequent buyer: profitable enough to be VIP in any test population
        LocalDate today = LocalDate.now();
        String amount = (9_000_000 + 100_000 * ROUND.incrementAndGet()) + ".00";
        for (int i = 1; i <= 6; i++) {
            order(mine, today.minusDays(20L * i), amount, "100000.00");
        }
        theirs = customer("rep3");
        order(theirs, today.minusDays(30), "100.00", "50.00");
        long id = refresh.request(null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> !refresh.status(id).orElseThrow().status().matches("QUEUED|RUNNING"));
        assertThat(refresh.status(id).orElseThrow().status()).isEqualTo("DONE");
    }

    JsonNode get(String uri, String user, String language) throws Exception {
        MvcTestResult result = mvc.get()
                .uri(uri)
                .header("Accept-Language", language)
                .with(httpBasic(user, PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void aCustomersAnalyticsExplainEachClassInTheReadersLanguage() throws Exception {
        JsonNode en = get("/api/v1/analytics/customers/" + mine, "rep1", "en");
        assertThat(en.get("metrics").get("value_tier").asString()).isEqualTo("VIP");
        assertThat(en.get("explanations").get("valueTier").asString())
                .startsWith("VIP: 12-month profit ¥")
                .contains("rank 1 of");
        assertThat(en.get("explanations").get("rfm").asString()).contains("6 purchase days");
        assertThat(en.get("explanations").get("loyalty").asString()).startsWith("Attitude unknown");
        assertThat(en.get("explanations").get("clv").asString()).startsWith("Lifetime value ¥");
        JsonNode zh = get("/api/v1/analytics/customers/" + mine, "rep1", "zh-CN");
        assertThat(zh.get("explanations").get("valueTier").asString()).startsWith("贵宾型客户：近12个月利润");
        assertThat(zh.get("explanations").get("loyalty").asString()).startsWith("态度未知");
    }

    @Test
    void aRepGuessingAnotherRepsCustomerGets404AndReportsCoverOnlyTheirCustomers() throws Exception {
        assertThat(mvc.get().uri("/api/v1/analytics/customers/" + theirs).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/analytics/customers/" + theirs).with(httpBasic("manager", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/analytics/customers/" + theirs).with(httpBasic("manager2", PASSWORD)))
                .hasStatusOk();

        long rep1Customers = jdbc.sql("select count(*) from customer_metrics m join app_user u on u.id = m.owner_id"
                        + " where u.username = 'rep1'")
                .query(Long.class)
                .single();
        JsonNode tiers = get("/api/v1/analytics/value-tiers", "rep1", "en");
        long total = 0;
        for (JsonNode tier : tiers.get("result").get("tiers")) {
            total += tier.get("customers").asLong();
        }
        assertThat(total).isEqualTo(rep1Customers);
        assertThat(tiers.get("parameters").get("vipShare").asDouble()).isEqualTo(0.2);
        assertThat(tiers.get("computed").get("customers").asInt()).isPositive();
        assertThat(tiers.get("result").get("pareto").get("profitShareOfTop").asDouble())
                .isBetween(0.0, 1.0);

        JsonNode everyone = get("/api/v1/analytics/value-tiers", "admin", "en");
        long all = 0;
        for (JsonNode tier : everyone.get("result").get("tiers")) {
            all += tier.get("customers").asLong();
        }
        assertThat(all).isGreaterThan(total);
    }

    @Test
    void theOtherReportsAnswerFromTheStoredMetrics() throws Exception {
        JsonNode rfm = get("/api/v1/analytics/rfm", "rep1", "en");
        assertThat(rfm.get("result").get("segments").size()).isPositive();
        assertThat(rfm.get("result").get("grid").get(0).get("r").asInt()).isBetween(1, 5);
        JsonNode loyalty = get("/api/v1/analytics/loyalty", "rep1", "en");
        assertThat(loyalty.get("classes").get("UNKNOWN").asLong()).isPositive();
        JsonNode lifecycle = get("/api/v1/analytics/lifecycle", "rep1", "en");
        assertThat(lifecycle.get("stages").size()).isPositive();
        JsonNode churn = get("/api/v1/analytics/churn", "rep1", "en");
        assertThat(churn.get("result").get("buyers").asLong()).isPositive();
        assertThat(churn.get("parameters").get("literatureBand").get(1).asDouble())
                .isEqualTo(0.3);
        assertThat(mvc.get().uri("/api/v1/analytics/rfm")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theCustomerPagesAnalyticsTabExplainsEachClass() throws Exception {
        var rep1 = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername("rep1"));
        assertThat(mvc.get().uri("/customers/" + mine + "/analytics").with(rep1))
                .hasStatusOk()
                .bodyText()
                .contains("data-section=\"valueTier\"")
                .contains("VIP: 12-month profit ¥")
                .contains("Attitude unknown");
        assertThat(mvc.get()
                        .uri("/customers/" + mine + "/analytics")
                        .header("Accept-Language", "zh-CN")
                        .with(rep1))
                .hasStatusOk()
                .bodyText()
                .contains("贵宾型客户：近12个月利润")
                .contains("价值分级");
        assertThat(mvc.get().uri("/customers/" + theirs + "/analytics").with(rep1))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/customers/" + mine).with(rep1))
                .hasStatusOk()
                .bodyText()
                .contains("/customers/" + mine + "/analytics");
    }
}

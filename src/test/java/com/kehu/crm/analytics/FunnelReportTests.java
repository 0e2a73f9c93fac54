package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel of February 1996 (no other test has deals then), worked out by hand. Open amounts are in XTS, the ISO
 * code reserved for tests, so the weighted pipeline row is this test's alone.
 */
@IntegrationTest
class FunnelReportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    @Autowired
    FunnelReport report;

    @Autowired
    UserDetailsService users;

    long customer(String owner) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '漏斗测试', 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "FN-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    /** A deal created on the first day of {@code path}, moved through the rest; closed if it ends WON or LOST. */
    void deal(String owner, String currency, int amount, int probability, String... path) {
        long customer = customer(owner);
        long id =
                jdbc.sql("select nextval('opportunity_seq')").query(Long.class).single();
        String[] first = path[0].split("@");
        String[] last = path[path.length - 1].split("@");
        boolean closed = last[0].equals("WON") || last[0].equals("LOST");
        jdbc.sql("""
                        insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type,
                                                 owner_id, stage, probability, loss_reason, closed_on, stage_changed_at,
                                                 created_at)
                        values (:id, :customer, '漏斗测试机会', :amount, :currency, date '1996-06-30', 'NEW_BUSINESS',
                                (select id from app_user where username = :owner), :stage, :probability, :reason,
                                :closed, cast(:last_at as date), cast(:created as date))""")
                .param("id", id)
                .param("customer", customer)
                .param("amount", amount)
                .param("currency", currency)
                .param("owner", owner)
                .param("stage", last[0])
                .param("probability", probability)
                .param("reason", last[0].equals("LOST") ? "PRICE" : null)
                .param("closed", closed ? LocalDate.parse(last[1]) : null)
                .param("last_at", last[1])
                .param("created", first[1])
                .update();
        String from = null;
        for (String step : path) {
            String[] parts = step.split("@");
            jdbc.sql("""
                            insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at)
                            values (nextval('opportunity_stage_change_seq'), :id, :from, :to, cast(:at as date))""")
                    .param("id", id)
                    .param("from", from)
                    .param("to", parts[0])
                    .param("at", parts[1])
                    .update();
            from = parts[0];
        }
    }

    JsonNode funnel(String user, String scope) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/analytics/funnel?from=1996-02-01&to=1996-02-29&scope=" + scope)
                .with(httpBasic(user, PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString()).get("result");
    }

    @Test
    void entriesCohortConversionWinRateCycleAndWeightedPipeline() throws Exception {
        deal(
                "rep1",
                "CNY",
                100,
                100,
                "PROSPECTING@1996-02-01",
                "QUALIFICATION@1996-02-05",
                "PROPOSAL@1996-02-10",
                "WON@1996-02-20");
        deal("rep1", "CNY", 100, 0, "PROSPECTING@1996-02-02", "QUALIFICATION@1996-02-06", "LOST@1996-02-15");
        deal("rep1", "XTS", 1000, 60, "PROSPECTING@1996-02-03", "PROPOSAL@1996-02-08", "NEGOTIATION@1996-02-12");
        deal("rep1", "XTS", 500, 10, "PROSPECTING@1996-02-04");
        deal("rep3", "CNY", 100, 100, "PROSPECTING@1996-02-05", "WON@1996-02-25");
        // the period figures come from the daily summaries of the metrics refresh
        AnalyticsTestData.refresh(refresh);

        JsonNode mine = funnel("rep1", "MINE");
        // deepest stage reached: 5 (won), 2, 4, 1 -> reached >= 1: 4, >= 2: 3, >= 3: 2, >= 4: 2, won: 1
        long[] reached = {4, 3, 2, 2, 1};
        double[] conversion = {Double.NaN, 0.75, 2 / 3.0, 1.0, 0.5};
        JsonNode cohort = mine.get("cohort");
        for (int i = 0; i < 5; i++) {
            assertThat(cohort.get(i).get("count").asLong()).as("reached %d", i).isEqualTo(reached[i]);
            if (i > 0) {
                assertThat(cohort.get(i).get("conversionFromPrevious").asDouble())
                        .isCloseTo(conversion[i], within(1e-9));
            }
        }
        // entries during the period: every stage change into each stage
        JsonNode entries = mine.get("entries");
        assertThat(entries.get(0).get("stage").asString()).isEqualTo("PROSPECTING");
        assertThat(entries.get(0).get("count").asLong()).isEqualTo(4);
        assertThat(entries.get(entries.size() - 1).get("stage").asString()).isEqualTo("LOST");
        // one won and one lost in the period: 50%; the win took 19 days
        JsonNode overall = mine.get("overall");
        assertThat(overall.get("created").asLong()).isEqualTo(4);
        assertThat(overall.get("winRate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(overall.get("averageCycleDays").asDouble()).isCloseTo(19.0, within(1e-9));
        // open XTS: 1000 × 60% + 500 × 10%
        JsonNode xts = null;
        for (JsonNode row : mine.get("weightedPipeline")) {
            if (row.get("currency").asString().equals("XTS")) {
                xts = row;
            }
        }
        assertThat(xts).isNotNull();
        assertThat(xts.get("open").asDouble()).isCloseTo(1500, within(1e-9));
        assertThat(xts.get("weighted").asDouble()).isCloseTo(650, within(1e-9));
        assertThat(mine.get("byRep").size()).isEqualTo(1);

        // the admin sees rep3's won deal too; rep1 asking for everything still sees only their own
        JsonNode all = funnel("admin", "ALL");
        assertThat(all.get("cohort").get(0).get("count").asLong()).isEqualTo(5);
        assertThat(all.get("cohort").get(4).get("count").asLong()).isEqualTo(2);
        assertThat(all.get("byRep").size()).isEqualTo(2);
        // by team: rep1's team created four, rep3's one; the overall row counts all five once
        assertThat(all.get("byTeam").size()).isEqualTo(2);
        long byTeam = 0;
        for (JsonNode team : all.get("byTeam")) {
            byTeam += team.get("created").asLong();
            assertThat(team.get("created").asLong()).isIn(1L, 4L);
        }
        assertThat(byTeam).isEqualTo(5);
        assertThat(all.get("overall").get("created").asLong()).isEqualTo(5);
        assertThat(all.get("overall").get("group").asString()).isEqualTo("ALL");
        assertThat(funnel("rep1", "ALL").get("cohort").get(0).get("count").asLong())
                .isEqualTo(4);
        assertThat(mvc.get().uri("/api/v1/analytics/funnel?scope=EVERYONE").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** A deal of {@code owner} in XXX (the ISO code for "no currency": this test's alone), open unless closed on. */
    void forecastDeal(String owner, String stage, int amount, int probability, LocalDate expected) {
        boolean closed = stage.equals("WON") || stage.equals("LOST");
        jdbc.sql("""
                        insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type,
                                                 owner_id, stage, probability, loss_reason, closed_on, stage_changed_at,
                                                 created_at)
                        values (nextval('opportunity_seq'), :customer, '预测测试', :amount, 'XXX', :expected,
                                'NEW_BUSINESS', (select id from app_user where username = :owner), :stage,
                                :probability, :reason, :closed, now(), now())""")
                .param("customer", customer(owner))
                .param("amount", amount)
                .param("expected", expected)
                .param("owner", owner)
                .param("stage", stage)
                .param("probability", probability)
                .param("reason", stage.equals("LOST") ? "PRICE" : null)
                .param("closed", closed ? expected : null)
                .update();
    }

    List<FunnelReport.ForecastMonth> forecast(String username, LocalDate today) {
        CurrentUser user = ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
        return report.forecast(FunnelReport.Scope.MINE, 6, today, user).stream()
                .filter(m -> m.currency().equals("XXX"))
                .toList();
    }

    @Test
    void forecastByExpectedCloseMonthWithOverdueFirstAsOfTheRefresh() {
        LocalDate today = LocalDate.now();
        LocalDate nextMonth = today.withDayOfMonth(1).plusMonths(1);
        forecastDeal("rep2", "PROPOSAL", 1000, 50, today.minusDays(10));
        forecastDeal("rep2", "NEGOTIATION", 3000, 80, today.minusDays(40));
        forecastDeal("rep2", "QUALIFICATION", 2000, 20, nextMonth.plusDays(3));
        // closed deals and deals expected after the six months are not in it
        forecastDeal("rep2", "WON", 5000, 100, nextMonth);
        forecastDeal("rep2", "LOST", 5000, 0, nextMonth);
        forecastDeal("rep2", "PROSPECTING", 7000, 10, today.withDayOfMonth(1).plusMonths(7));
        forecastDeal("rep1", "PROPOSAL", 9000, 50, nextMonth);
        AnalyticsTestData.refresh(refresh);
        // a deal added after the refresh counts from the next one
        forecastDeal("rep2", "PROPOSAL", 100, 50, nextMonth);

        List<FunnelReport.ForecastMonth> months = forecast("rep2", today);
        assertThat(months).hasSize(2);
        FunnelReport.ForecastMonth overdue = months.get(0);
        assertThat(overdue.month()).isEqualTo("OVERDUE");
        assertThat(overdue.deals()).isEqualTo(2);
        assertThat(overdue.amount()).isEqualByComparingTo(new BigDecimal("4000"));
        // 1000 × 50% + 3000 × 80%
        assertThat(overdue.weighted()).isEqualByComparingTo(new BigDecimal("2900"));
        FunnelReport.ForecastMonth next = months.get(1);
        assertThat(next.month()).isEqualTo(nextMonth.toString().substring(0, 7));
        assertThat(next.deals()).isEqualTo(1);
        assertThat(next.weighted()).isEqualByComparingTo(new BigDecimal("400"));
        // another rep's deals are theirs alone
        assertThat(forecast("rep1", today))
                .singleElement()
                .satisfies(m -> assertThat(m.amount()).isEqualByComparingTo(new BigDecimal("9000")));
        assertThat(forecast("rep3", today)).isEmpty();

        AnalyticsTestData.refresh(refresh);
        assertThat(forecast("rep2", today).get(1).deals()).isEqualTo(2);
    }
}

package com.kehu.crm.sales;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Opportunities end to end: record rules, stage moves, the board, the forecast and the large-deal alert. */
@IntegrationTest
class OpportunityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"机会测试公司 " + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    long dealOf(String username, long customerId, String name, String amount, String closeDate, String probability) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/opportunities")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customerId": %d, "name": "%s", "amount": %s, "expectedCloseDate": "%s",
                         "type": "NEW_BUSINESS", "probability": %s}""".formatted(customerId, name, amount, closeDate, probability))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    MvcTestResult move(String username, long id, String stage, String lossReason) {
        return mvc.post()
                .uri("/api/v1/opportunities/" + id + "/stage")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        lossReason == null
                                ? "{\"stage\": \"" + stage + "\"}"
                                : "{\"stage\": \"" + stage + "\", \"lossReason\": \"" + lossReason + "\"}")
                .exchange();
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    @Test
    void followsTheRecordRulesByIdAndBySearch() {
        long customer = customerOf("rep1");
        String name = "保密机会" + UUID.randomUUID().toString().substring(0, 6);
        long deal = dealOf("rep1", customer, name, "5000", "2027-01-15", "null");

        assertThat(mvc.get().uri("/api/v1/opportunities/" + deal).with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.probability")
                .isEqualTo(10);
        for (String outsider : new String[] {"rep2", "rep3", "manager2"}) {
            assertThat(mvc.get().uri("/api/v1/opportunities/" + deal).with(httpBasic(outsider, PASSWORD)))
                    .as(outsider)
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/opportunities/" + deal).with(user(outsider)))
                    .as(outsider)
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(move(outsider, deal, "QUALIFICATION", null)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/api/v1/opportunities?q=" + name).with(httpBasic(outsider, PASSWORD)))
                    .bodyJson()
                    .extractingPath("$.content")
                    .asArray()
                    .isEmpty();
        }
        assertThat(mvc.get().uri("/api/v1/opportunities?q=" + name).with(httpBasic("manager", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .isEqualTo((int) deal);
        assertThat(mvc.get().uri("/opportunities/" + deal).with(user("agent1"))).hasStatusOk();
        assertThat(move("agent1", deal, "QUALIFICATION", null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/opportunities/" + deal).with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/opportunities")
                        .with(httpBasic("rep3", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"customerId": %d, "name": "闯入", "amount": 1, "expectedCloseDate": "2027-01-01"}""".formatted(customer)))
                .as("another team's customer is not found")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void movesThroughThePipelineAndRecordsTheHistory() {
        long deal = dealOf("rep1", customerOf("rep1"), "阶段测试", "8000", "2027-02-01", "null");

        assertThat(move("rep1", deal, "WON", null))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("opportunity.stage.notAllowed");
        assertThat(move("rep1", deal, "LOST", null))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("opportunity.lossReason.required");
        assertThat(move("rep1", deal, "PROPOSAL", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.probability")
                .isEqualTo(50);
        assertThat(move("manager", deal, "WON", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.stage")
                .isEqualTo("WON");

        assertThat(jdbc.sql("select count(*) from opportunity_stage_change where opportunity_id = ?")
                        .param(deal)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(mvc.get().uri("/opportunities/" + deal).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("stage-history", "Won", "create-order");
        assertThat(mvc.put()
                        .uri("/api/v1/opportunities/" + deal)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "改金额", "amount": 1, "expectedCloseDate": "2027-02-01", "version": 99}"""))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void deletesADealOpenedByMistakeButNeverAWonOne() {
        long customer = customerOf("rep1");
        long mistake = dealOf("rep1", customer, "录错的机会", "100", "2027-05-01", "null");
        long won = dealOf("rep1", customer, "赢下的机会", "100", "2027-05-01", "null");
        move("rep1", won, "PROPOSAL", null);
        move("rep1", won, "WON", null);

        assertThat(mvc.delete().uri("/api/v1/opportunities/" + mistake).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/opportunities/" + won).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("opportunity.delete.won");
        assertThat(mvc.post()
                        .uri("/opportunities/" + mistake + "/delete")
                        .with(user("rep1"))
                        .with(csrf()))
                .hasRedirectedUrl("/customers/" + customer + "#tab-opportunities");
        assertThat(mvc.get().uri("/api/v1/opportunities/" + mistake).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("select count(*) from opportunity_stage_change where opportunity_id = ?")
                        .param(mistake)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void forecastsWeightedOpenDealsAndWonAmountsPerMonth() {
        long customer = customerOf("rep3");
        dealOf("rep3", customer, "一月A", "1000", "2040-01-15", "null"); // 10% → 100
        dealOf("rep3", customer, "一月B", "333.33", "2040-01-20", "33"); // 109.9989
        long february = dealOf("rep3", customer, "二月", "5000", "2040-02-10", "null");
        move("rep3", february, "NEGOTIATION", null); // 75% → 3750
        long won = dealOf("rep3", customer, "三月赢单", "2000", "2040-03-01", "null");
        move("rep3", won, "PROPOSAL", null);
        move("rep3", won, "WON", null);
        jdbc.sql("update opportunity set closed_on = date '2040-03-05' where id = ?")
                .param(won)
                .update();
        long lost = dealOf("rep3", customer, "输掉的", "9999", "2040-01-10", "null");
        move("rep3", lost, "LOST", "预算取消");

        var mine = mvc.get()
                .uri("/api/v1/pipeline/forecast?from=2040-01&to=2040-03&scope=mine")
                .with(httpBasic("rep3", PASSWORD))
                .exchange();
        assertThat(mine).hasStatusOk();
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.months")
                .asArray()
                .containsExactly("2040-01", "2040-02", "2040-03");
        assertThat(mine).bodyJson().extractingPath("$.totals[0].currency").isEqualTo("CNY");
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.totals[0].cells[0].weighted")
                .isEqualTo(209.9989);
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.totals[0].cells[0].openDeals")
                .isEqualTo(2);
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.totals[0].cells[1].weighted")
                .isEqualTo(3750.0);
        assertThat(mine).bodyJson().extractingPath("$.totals[0].cells[2].won").isEqualTo(2000.0);
        assertThat(mine).bodyJson().extractingPath("$.totals[0].sum.weighted").isEqualTo(3959.9989);
        assertThat(mine).bodyJson().extractingPath("$.reps[0].team").isEqualTo("North");

        assertThat(mvc.get()
                        .uri("/api/v1/pipeline/forecast?from=2040-01&to=2040-03&scope=team")
                        .with(httpBasic("manager2", PASSWORD)))
                .bodyJson()
                .extractingPath("$.totals[0].sum.won")
                .isEqualTo(2000.0);
        assertThat(mvc.get()
                        .uri("/api/v1/pipeline/forecast?from=2040-01&to=2040-03&scope=team")
                        .with(httpBasic("manager", PASSWORD)))
                .as("another team's deals are not in this manager's forecast")
                .bodyJson()
                .extractingPath("$.totals")
                .asArray()
                .isEmpty();
        assertThat(mvc.get()
                        .uri("/api/v1/pipeline/forecast?from=2040-01&to=2040-03&scope=team")
                        .with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/v1/pipeline/forecast?from=2040-01&to=2040-03&scope=all")
                        .with(httpBasic("manager2", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/v1/pipeline/forecast?from=2040-05&to=2040-01&scope=mine")
                        .with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/opportunities/forecast?from=2040-01&to=2040-03&scope=ALL")
                        .with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("forecast-table", "刘洋");
    }

    @Test
    void tellsTheOwnersManagerAboutALargeDealOnce() {
        long managerId = jdbc.sql("select id from app_user where username = 'manager'")
                .query(Long.class)
                .single();
        long deal = dealOf("rep1", customerOf("rep1"), "大单", "1500000", "2027-03-01", "null");
        String dedup = "large-deal:" + deal;

        assertThat(jdbc.sql("select count(*) from notification where recipient_id = ? and dedup_key = ?")
                        .params(managerId, dedup)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        move("rep1", deal, "QUALIFICATION", null);
        mvc.put()
                .uri("/api/v1/opportunities/" + deal)
                .with(httpBasic("rep1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "大单", "amount": 2000000, "expectedCloseDate": "2027-03-01", "version": 1}""")
                .exchange();
        assertThat(jdbc.sql("select count(*) from notification where dedup_key = ?")
                        .param(dedup)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(mvc.get().uri("/notifications/bell").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("notification-count");
        long notificationId = jdbc.sql("select id from notification where dedup_key = ?")
                .param(dedup)
                .query(Long.class)
                .single();
        assertThat(mvc.post()
                        .uri("/notifications/" + notificationId + "/open")
                        .with(user("rep2"))
                        .with(csrf()))
                .as("someone else's notification opens nothing")
                .hasRedirectedUrl("/notifications");
        assertThat(mvc.post()
                        .uri("/notifications/" + notificationId + "/open")
                        .with(user("manager"))
                        .with(csrf()))
                .hasRedirectedUrl("/opportunities/" + deal);
        assertThat(jdbc.sql("select read_at is not null from notification where id = ?")
                        .param(notificationId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void showsTheBoardAndMovesCardsFromIt() {
        long deal = dealOf("rep2", customerOf("rep2"), "看板卡片", "7000", "2027-04-01", "null");

        assertThat(mvc.get().uri("/opportunities/board").with(user("rep2")))
                .hasStatusOk()
                .bodyText()
                .contains("deal-" + deal, "column-PROSPECTING", "<nav");
        var fragment = mvc.get()
                .uri("/opportunities/board?scope=TEAM")
                .header("HX-Request", "true")
                .with(user("manager"))
                .exchange();
        assertThat(fragment).hasStatusOk().bodyText().contains("deal-" + deal).doesNotContain("<nav");
        assertThat(mvc.get().uri("/opportunities/board?scope=TEAM").with(user("rep2")))
                .hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.post()
                        .uri("/opportunities/" + deal + "/stage")
                        .with(user("rep2"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("stage", "WON")
                        .param("fromBoard", "true")
                        .param("scope", "MINE"))
                .hasStatusOk()
                .bodyText()
                .contains("board-error");
        assertThat(mvc.post()
                        .uri("/opportunities/" + deal + "/stage")
                        .with(user("rep2"))
                        .with(csrf())
                        .param("stage", "QUALIFICATION")
                        .param("fromBoard", "true")
                        .param("scope", "MINE"))
                .hasRedirectedUrl("/opportunities/board?scope=MINE");
        assertThat(jdbc.sql("select stage from opportunity where id = ?")
                        .param(deal)
                        .query(String.class)
                        .single())
                .isEqualTo("QUALIFICATION");

        long customer = jdbc.sql("select customer_id from opportunity where id = ?")
                .param(deal)
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/opportunities/for-customer/" + customer).with(user("rep2")))
                .hasStatusOk()
                .bodyText()
                .contains("看板卡片", "new-opportunity");
        assertThat(mvc.get().uri("/opportunities/for-customer/" + customer).with(user("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}

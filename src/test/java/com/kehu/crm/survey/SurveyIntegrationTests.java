package com.kehu.crm.survey;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.support.IntegrationTest;
import com.kehu.crm.support.TicketClosed;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Surveys end to end: invitations from events, the single-use link, the public page, the API and record rules. */
@IntegrationTest
class SurveyIntegrationTests {

    static final String ANSWERS = """
            {"overall": 4, "attributes": {"PRODUCT_QUALITY": 5, "SERVICE_ATTITUDE": 4, "RESPONSE_SPEED": 3,
             "PRICE": 2, "DELIVERY": 4}, "expectation": 4, "performance": 3, "repurchaseIntent": 4,
             "recommend": 8, "comment": "响应可以更快"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SurveyInvitations invitations;

    @Autowired
    SurveyTimeline timeline;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    CurrentUser current(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"调查测试公司 " + UUID.randomUUID().toString().substring(0, 6) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    /** The ticket module is written elsewhere; its table is enough here. */
    long closedTicket(long customerId, String assignee) {
        return jdbc.sql("""
                        insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject,
                            assignee_id, status, first_response_due_at, resolution_due_at, resolution_summary, closed_at)
                        values (nextval('ticket_seq'), :number, :customerId, 'PHONE', 'COMPLAINT',
                            (select id from ticket_category where code = 'OTHER'), 'NORMAL', '设备异响',
                            (select id from app_user where username = :assignee), 'CLOSED', now(), now(), '已更换轴承', now())
                        returning id""")
                .param("number", "T-" + UUID.randomUUID())
                .param("customerId", customerId)
                .param("assignee", assignee)
                .query(Long.class)
                .single();
    }

    void close(long ticketId, long customerId) {
        transactions.executeWithoutResult(status -> events.publishEvent(
                new TicketClosed(ticketId, customerId, null, current("agent1").id())));
    }

    long invitationForTicket(long ticketId) {
        return jdbc.sql("select id from survey_invitation where ticket_id = :id")
                .param("id", ticketId)
                .query(Long.class)
                .single();
    }

    /** A customer, a closed ticket and a fresh link for it, as staff would send it. */
    String freshLink() {
        long customer = customerOf("rep1");
        long ticket = closedTicket(customer, "agent1");
        close(ticket, customer);
        return invitations
                .issueLink(invitationForTicket(ticket), current("agent1"))
                .token();
    }

    long responsesFor(String token) {
        return jdbc.sql("""
                        select count(*) from survey_response r join survey_invitation i on i.id = r.invitation_id
                        where i.token_hash = sha256(convert_to(:token, 'UTF8'))""").param("token", token).query(Long.class).single();
    }

    MockMvcTester.MockMvcRequestBuilder answers(MockMvcTester.MockMvcRequestBuilder request) {
        return request.param("overall", "5")
                .param("attributes[PRODUCT_QUALITY]", "5")
                .param("attributes[SERVICE_ATTITUDE]", "4")
                .param("attributes[RESPONSE_SPEED]", "4")
                .param("attributes[PRICE]", "3")
                .param("attributes[DELIVERY]", "5")
                .param("expectation", "4")
                .param("performance", "5")
                .param("repurchaseIntent", "5")
                .param("recommend", "9")
                .param("comment", "服务很好");
    }

    @Test
    void invitesOnceWhenATicketClosesAndTellsTheAssignee() {
        long customer = customerOf("rep1");
        long ticket = closedTicket(customer, "agent1");
        close(ticket, customer);
        close(ticket, customer);

        assertThat(jdbc.sql("select count(*) from survey_invitation where ticket_id = :id and customer_id = :c")
                        .param("id", ticket)
                        .param("c", customer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :agent"
                                + " and message_key = 'survey.notification.ticket' and link = :link")
                        .param("agent", current("agent1").id())
                        .param("link", "/tickets/" + ticket)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aRolledBackCloseInvitesNobody() {
        long customer = customerOf("rep1");
        long ticket = closedTicket(customer, "agent1");
        transactions.executeWithoutResult(status -> {
            events.publishEvent(
                    new TicketClosed(ticket, customer, null, current("agent1").id()));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from survey_invitation where ticket_id = :id")
                        .param("id", ticket)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void invitesWhenAnOrderIsCompletedThroughTheOrderService() {
        long customer = customerOf("rep1");
        MvcTestResult product = mvc.post()
                .uri("/api/v1/products")
                .with(httpBasic("manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"S-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\", \"name\": \"调查样品\", \"unit\": \"台\", \"listPrice\": 10, \"unitCost\": 5,"
                        + " \"currency\": \"CNY\"}")
                .exchange();
        assertThat(product).hasStatus(HttpStatus.CREATED);
        MvcTestResult order = mvc.post()
                .uri("/api/v1/orders")
                .with(httpBasic("rep1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\": " + customer + ", \"orderDate\": \"2026-11-23\", \"currency\": \"CNY\","
                        + " \"totalAmount\": 1, \"lines\": [{\"productId\": " + idOf(product) + ", \"quantity\": 1}]}")
                .exchange();
        assertThat(order).hasStatus(HttpStatus.CREATED);
        long orderId = idOf(order);
        for (String status : new String[] {"CONFIRMED", "SHIPPED", "COMPLETED"}) {
            assertThat(mvc.post()
                            .uri("/api/v1/orders/" + orderId + "/status")
                            .with(httpBasic("rep1", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\": \"" + status + "\"}"))
                    .hasStatusOk();
        }

        assertThat(jdbc.sql("select count(*) from survey_invitation where order_id = :id")
                        .param("id", orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :rep"
                                + " and message_key = 'survey.notification.order' and link = :link")
                        .param("rep", current("rep1").id())
                        .param("link", "/orders/" + orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(mvc.get().uri("/surveys/for-order/" + orderId).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("survey-invitation", "/surveys/invitations/");
    }

    @Test
    void aLinkIsSingleUseAndOnlyItsHashIsStored() {
        String token = freshLink();

        assertThat(mvc.get().uri("/s/" + token)).hasStatusOk().bodyText().contains("survey-form");
        assertThat(mvc.get().uri("/s/" + token)).hasStatusOk().bodyText().contains("survey-form");
        assertThat(answers(mvc.post().uri("/s/" + token).with(csrf())))
                .hasStatusOk()
                .bodyText()
                .contains("survey-message");
        assertThat(responsesFor(token)).isEqualTo(1L);

        assertThat(answers(mvc.post().uri("/s/" + token).with(csrf()))).hasStatus(HttpStatus.CONFLICT);
        assertThat(responsesFor(token)).isEqualTo(1L);
        assertThat(mvc.get().uri("/s/" + token).header("Accept-Language", "en"))
                .hasStatusOk()
                .bodyText()
                .contains("already received");

        assertThat(jdbc.sql("""
                        select count(*) from survey_invitation
                        where position(convert_to(:token, 'UTF8') in token_hash) > 0""").param("token", token).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                        select count(*) from notification
                        where position(:token in coalesce(link, '') || array_to_string(message_args, ' ')) > 0""").param("token", token).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from survey_rating r join survey_response s on s.id = r.response_id"
                                + " join survey_invitation i on i.id = s.invitation_id"
                                + " where i.token_hash = sha256(convert_to(:token, 'UTF8'))")
                        .param("token", token)
                        .query(Long.class)
                        .single())
                .isEqualTo(5L);
    }

    @Test
    void expiredTamperedAndUnknownLinksGetTheSamePoliteAnswer() throws Exception {
        String expired = freshLink();
        jdbc.sql("update survey_invitation set expires_at = now() - interval '1 day'"
                        + " where token_hash = sha256(convert_to(:token, 'UTF8'))")
                .param("token", expired)
                .update();
        String valid = freshLink();
        char last = valid.charAt(valid.length() - 1);
        String tampered = valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknown = SurveyTokens.newToken();

        String unknownBody = mvc.get()
                .uri("/s/" + unknown)
                .header("Accept-Language", "en")
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(unknownBody).contains("no longer valid").doesNotContain("Exception", unknown);
        for (String token : new String[] {expired, tampered, "abc", unknown}) {
            MvcTestResult result =
                    mvc.get().uri("/s/" + token).header("Accept-Language", "en").exchange();
            assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(result).bodyText().isEqualTo(unknownBody);
        }
        assertThat(answers(mvc.post().uri("/s/" + expired).with(csrf()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(answers(mvc.post().uri("/s/" + tampered).with(csrf()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(responsesFor(expired)).isZero();
        assertThat(mvc.get().uri("/s/" + valid)).hasStatusOk();
    }

    @Test
    void showsChineseErrorsNextToTheFieldsAndSavesNothing() {
        String token = freshLink();
        MvcTestResult result = mvc.post()
                .uri("/s/" + token)
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("attributes[PRODUCT_QUALITY]", "9")
                .param("recommend", "11")
                .param("comment", "长".repeat(2001))
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains("请选择 1 到 5 之间的评分。", "请选择 0 到 10 之间的分值。", "意见与建议请不要超过 2000 个字。")
                .contains("id=\"overall-error\"", "id=\"attributes-PRODUCT_QUALITY-error\"", "id=\"recommend-error\"");
        assertThat(responsesFor(token)).isZero();
        assertThat(mvc.get().uri("/s/" + token)).hasStatusOk().bodyText().contains("survey-form");
    }

    @Test
    void anonymousVisitorsReachOnlyTheSurveyLinks() {
        assertThat(answers(mvc.post().uri("/s/" + freshLink()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/s/" + SurveyTokens.newToken())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/surveys")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/surveys/record?customerId=1")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/admin/survey-attributes")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/surveys/responses")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/customers")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void theApiRecordsPhoneAnswersUnderTheCustomersRules() {
        long customer = customerOf("rep1");
        long ticket = closedTicket(customer, "agent1");
        close(ticket, customer);
        String token = invitations
                .issueLink(invitationForTicket(ticket), current("agent1"))
                .token();

        MvcTestResult bad = mvc.post()
                .uri("/api/v1/surveys/responses")
                .with(httpBasic("agent1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\": " + customer + ", \"overall\": 6, \"attributes\": {\"PRICE\": 0,"
                        + " \"NOPE\": 3}, \"expectation\": 3, \"performance\": 3, \"repurchaseIntent\": 3,"
                        + " \"recommend\": 11}")
                .exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad).bodyText().contains("\"overall\"", "attributes[PRICE]", "attributes[NOPE]", "\"recommend\"");

        long otherCustomer = customerOf("rep1");
        assertThat(mvc.post()
                        .uri("/api/v1/surveys/responses")
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ANSWERS.replace(
                                "{\"overall\"",
                                "{\"customerId\": " + otherCustomer + ", \"ticketId\": " + ticket + ", \"overall\"")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/surveys/responses")
                        .with(httpBasic("rep3", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ANSWERS.replace("{\"overall\"", "{\"ticketId\": " + ticket + ", \"overall\"")))
                .hasStatus(HttpStatus.NOT_FOUND);

        MvcTestResult created = mvc.post()
                .uri("/api/v1/surveys/responses")
                .with(httpBasic("agent1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(ANSWERS.replace(
                        "{\"overall\"", "{\"customerId\": " + customer + ", \"ticketId\": " + ticket + ", \"overall\""))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.gap").asNumber().isEqualTo(-1);
        assertThat(created).bodyJson().extractingPath("$.channel").isEqualTo("PHONE");
        long id = idOf(created);

        // the phone answers used up the customer's link
        assertThat(mvc.get().uri("/s/" + token).header("Accept-Language", "en"))
                .bodyText()
                .contains("already received");
        assertThat(mvc.post()
                        .uri("/api/v1/surveys/responses")
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ANSWERS.replace("{\"overall\"", "{\"ticketId\": " + ticket + ", \"overall\"")))
                .hasStatus(HttpStatus.CONFLICT);

        assertThat(mvc.get().uri("/api/v1/surveys/responses/" + id).with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.attributes.PRICE")
                .asNumber()
                .isEqualTo(2);
        assertThat(mvc.get().uri("/api/v1/surveys/responses/" + id).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/surveys/" + id).with(user("rep3"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/surveys/responses?ticketId=" + ticket).with(httpBasic("rep3", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/surveys/responses?ticketId=" + ticket).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .asNumber()
                .isEqualTo((int) id);
        assertThat(mvc.get().uri("/surveys?customerId=" + customer).with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains("/surveys/" + id);
        assertThat(mvc.get().uri("/surveys/for-ticket/" + ticket).with(user("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/surveys/" + id).with(user("rep1")).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("总体满意度", "价格", "响应可以更快");
        assertThat(mvc.get().uri("/surveys/record?customerId=" + customer).with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains("attributes[PRICE]", "record-form");
        assertThat(mvc.get().uri("/admin/survey-attributes").with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("PRODUCT_QUALITY", "attribute-form");
        assertThat(timeline.entries(customer, null, 10))
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo("survey"));
        assertThat(timeline).isInstanceOf(TimelineContributor.class);
    }
}

package com.kehu.crm.support;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CrmUserDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Tickets end to end: the API, record rules by id and in lists, closing, and escalation across two runs. */
@IntegrationTest
@Import(TicketIntegrationTests.Events.class)
class TicketIntegrationTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Events {
        static final List<TicketClosed> CLOSED = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Bean
        Object ticketClosedRecorder() {
            return new Object() {
                @EventListener
                void on(TicketClosed event) {
                    CLOSED.add(event);
                }
            };
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EscalationService escalations;

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"工单测试公司 " + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    long category() {
        return jdbc.sql("select id from ticket_category where code = 'PRODUCT_QUALITY'")
                .query(Long.class)
                .single();
    }

    long ticketOf(String username, long customerId, String type) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/tickets")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customerId": %d, "type": "%s", "categoryId": %d, "subject": "设备异响",
                         "channel": "PHONE"}""".formatted(customerId, type, category()))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    MvcTestResult post(String username, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    @Test
    void logsATicketWithANumberAndSlaDueTimes() {
        long customer = customerOf("rep1");
        MvcTestResult created = post("rep1", "/api/v1/tickets", """
                {"customerId": %d, "type": "COMPLAINT", "categoryId": %d, "subject": "投诉：送货延误",
                 "priority": "HIGH"}""".formatted(customer, category()));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created.getResponse().getHeader("Location")).startsWith("/api/v1/tickets/");
        assertThat(created).bodyJson().extractingPath("$.row.number").asString().matches("T\\d{4}\\d{6}");
        assertThat(created).bodyJson().extractingPath("$.row.status").isEqualTo("NEW");
        long id = idOf(created);
        var due = jdbc.sql("""
                        select extract(epoch from first_response_due_at - created_at) / 60 as fr,
                               extract(epoch from resolution_due_at - created_at) / 60 as res
                        from ticket where id = :id""")
                .param("id", id)
                .query((rs, n) -> new double[] {rs.getDouble("fr"), rs.getDouble("res")})
                .single();
        // an ordinary customer (the API's default importance), high priority: 4 h and 24 h
        assertThat(due[0]).isBetween(239.0, 241.0);
        assertThat(due[1]).isBetween(1439.0, 1441.0);
    }

    @Test
    void followsTheRecordRulesByIdAndInLists() {
        long customer = customerOf("rep1");
        long id = ticketOf("rep1", customer, "INQUIRY");

        assertThat(mvc.get().uri("/api/v1/tickets/" + id).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/tickets/" + id).with(user("rep3"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/tickets?customerId=" + customer).with(httpBasic("rep3", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(post("rep3", "/api/v1/tickets/" + id + "/comments", "{\"body\": \"看看\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/tickets/for-customer/" + customer).with(user("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.get().uri("/api/v1/tickets/" + id).with(httpBasic("agent1", PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tickets?customerId=" + customer).with(httpBasic("agent1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .isEqualTo((int) id);
        assertThat(mvc.get().uri("/api/v1/tickets/" + id).with(httpBasic("manager", PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tickets/" + id).with(httpBasic("manager2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/tickets").with(user("marketer1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/tickets").with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        // a rep logs and comments but does not work the ticket
        assertThat(post("rep1", "/api/v1/tickets/" + id + "/assign", "{}")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void worksATicketToClosedAndPublishesTicketClosed() {
        long customer = customerOf("rep1");
        long id = ticketOf("rep1", customer, "COMPLAINT");
        assertThat(post("agent1", "/api/v1/tickets/" + id + "/assign", "{}")).hasStatusOk();
        assertThat(post("agent1", "/api/v1/tickets/" + id + "/status", "{\"status\": \"IN_PROGRESS\"}"))
                .hasStatusOk();
        assertThat(post("agent1", "/api/v1/tickets/" + id + "/comments", "{\"body\": \"已联系客户\", \"internal\": false}"))
                .hasStatus(HttpStatus.CREATED);

        MvcTestResult refused = post("agent1", "/api/v1/tickets/" + id + "/status", "{\"status\": \"RESOLVED\"}");
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("ticket.resolution.required");
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Resolving a ticket needs a resolution summary.");

        assertThat(post("agent1", "/api/v1/tickets/" + id + "/status", """
                        {"status": "RESOLVED", "resolutionSummary": "补发配件", "compensationAmount": 100,
                         "remedialAction": "上门安装"}""")).hasStatusOk();
        MvcTestResult closed = post("agent1", "/api/v1/tickets/" + id + "/status", "{\"status\": \"CLOSED\"}");
        assertThat(closed).hasStatusOk();
        assertThat(closed).bodyJson().extractingPath("$.row.status").isEqualTo("CLOSED");
        assertThat(closed).bodyJson().extractingPath("$.remedialAction").isEqualTo("上门安装");
        assertThat(closed).bodyJson().extractingPath("$.timeline").asArray().hasSize(6);
        assertThat(Events.CLOSED).anyMatch(e -> e.ticketId() == id && e.customerId() == customer);
        assertThat(jdbc.sql("select first_responded_at is not null from ticket where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void deletesOnlyATicketNobodyWorkedOn() {
        long customer = customerOf("rep1");
        long mistake = ticketOf("rep1", customer, "INQUIRY");
        long worked = ticketOf("rep1", customer, "COMPLAINT");
        assertThat(post("agent1", "/api/v1/tickets/" + worked + "/comments", "{\"body\": \"已联系客户\"}"))
                .hasStatus2xxSuccessful();

        assertThat(mvc.delete().uri("/api/v1/tickets/" + mistake).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/tickets/" + worked).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ticket.delete.notAllowed");
        assertThat(mvc.delete().uri("/api/v1/tickets/" + mistake).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/tickets/" + mistake).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/tickets/" + worked).with(httpBasic("agent1", PASSWORD)))
                .hasStatusOk();
    }

    @Test
    void editsWithTheVersionAndRefusesAStaleOne() {
        long customer = customerOf("rep1");
        long id = ticketOf("rep1", customer, "INQUIRY");
        String body = """
                {"type": "INQUIRY", "categoryId": %d, "subject": "改过的主题", "priority": "URGENT", "version": %d}""";
        assertThat(mvc.put()
                        .uri("/api/v1/tickets/" + id)
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(category(), 0)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.row.priority")
                .isEqualTo("URGENT");
        assertThat(mvc.put()
                        .uri("/api/v1/tickets/" + id)
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(category(), 0)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void escalatesOnceAcrossTwoConcurrentRuns() throws Exception {
        long customer = customerOf("rep1");
        long id = ticketOf("rep1", customer, "INQUIRY");
        jdbc.sql("""
                        update ticket set first_response_due_at = now() - interval '2 hours',
                            resolution_due_at = now() - interval '10 minutes' where id = :id""").param("id", id).update();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return escalations.escalateDue();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        escalations.escalateDue();

        assertThat(jdbc.sql("select count(*) from ticket_escalation where ticket_id = :id and kind = 'RESOLUTION'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ticket_escalation where ticket_id = :id and kind = 'FIRST_RESPONSE'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        long manager = ((CrmUserDetails) users.loadUserByUsername("manager")).getId();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :manager and dedup_key = :key")
                        .param("manager", manager)
                        .param("key", "ticket-escalation:" + id + ":RESOLUTION:2")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // unassigned: every manager hears of it; the priority went up once per step (normal → high → urgent)
        assertThat(jdbc.sql("select priority || ':' || escalation_level from ticket where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("URGENT:2");
    }

    @Test
    void showsTheQueueDetailAndCustomerTabOnScreen() {
        long customer = customerOf("rep1");
        long id = ticketOf("rep1", customer, "REPAIR");
        assertThat(mvc.get().uri("/tickets?view=UNASSIGNED").with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains("设备异响");
        assertThat(mvc.get().uri("/tickets/" + id).with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains("ticket-extras", "claim-ticket", "comment-form");
        assertThat(mvc.get().uri("/tickets/for-customer/" + customer).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("customer-tickets")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/tickets/new?customerId=" + customer).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("problem-history", "customer-tier");
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }
}

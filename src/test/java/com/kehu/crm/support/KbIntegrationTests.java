package com.kehu.crm.support;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

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

/** The knowledge base end to end: search in both languages, the ticket links and their record rules, the API. */
@IntegrationTest
class KbIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    long article(String title, String body, boolean published) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/kb/articles")
                .with(httpBasic("agent1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"%s\", \"body\": \"%s\", \"tags\": [\"退款\", \"refund\"], \"published\": %s}"
                        .formatted(title, body, published))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"知识库测试公司 " + unique() + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long ticketFor(long customerId) {
        long id = jdbc.sql("select nextval('ticket_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject,
                                            status, first_response_due_at, resolution_due_at)
                        values (:id, :number, :customerId, 'PHONE', 'COMPLAINT',
                                (select min(id) from ticket_category), 'NORMAL', '测试工单', 'NEW',
                                now() + interval '4 hours', now() + interval '2 days')""")
                .param("id", id)
                .param("number", "T-KB-" + id)
                .param("customerId", customerId)
                .update();
        return id;
    }

    int useCount(long articleId) {
        return jdbc.sql("select use_count from kb_article where id = :id")
                .param("id", articleId)
                .query(Integer.class)
                .single();
    }

    @Test
    void findsAChineseSubstringOfTheBody() {
        String marker = "退货" + unique();
        long id = article("Return policy " + unique(), "客户在七天内可以申请" + marker + "，须保留发票。", true);

        assertThat(mvc.get().uri("/api/v1/kb/articles?q={q}", "申请" + marker).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .containsExactly((int) id);
        assertThat(mvc.get().uri("/kb?q={q}", "须保留发票").with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("Return policy");
    }

    @Test
    void ranksTitleMatchesFirstAndMatchesEveryWordInEitherLanguage() {
        String word = "zeta" + unique();
        long inBody = article("打印机卡纸 " + unique(), "When the " + word + " printer jams, open the tray.", true);
        long inTitle = article("Resetting the " + word + " router", "拔掉电源，等待十秒后重新接通。", true);

        assertThat(mvc.get()
                        .uri("/api/v1/kb/articles?q={q}", word.toUpperCase())
                        .with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .containsExactly((int) inTitle, (int) inBody);
        assertThat(mvc.get().uri("/api/v1/kb/articles?q={q}", word + " 重新接通").with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .containsExactly((int) inTitle);
    }

    @Test
    void showsDraftsOnlyToSupportAndKeepsMarketersOut() {
        String marker = "草稿" + unique();
        long draft = article("Draft " + marker, "正文 " + marker, false);

        assertThat(mvc.get().uri("/api/v1/kb/articles?q={q}", marker).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/kb/articles/" + draft).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/kb/articles/" + draft).with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains(marker);
        assertThat(mvc.get().uri("/kb").with(user("marketer1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/kb/articles").with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/kb/articles")
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"x\", \"body\": \"y\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void linkingCountsUsesAndUnlinkingTakesThemBack() {
        long article = article("Invoice reprint " + unique(), "在订单页点击**补打发票**。", true);
        long ticket = ticketFor(customerOf("rep1"));

        assertThat(mvc.post()
                        .uri("/kb/articles/" + article + "/links")
                        .with(user("agent1"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("ticketId", String.valueOf(ticket)))
                .hasStatusOk()
                .bodyText()
                .contains("Invoice reprint", "ticket-kb")
                .doesNotContain("<html");
        assertThat(useCount(article)).isEqualTo(1);

        // a second link of the same pair (a double click) counts once
        assertThat(mvc.post()
                        .uri("/kb/articles/" + article + "/links")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("ticketId", String.valueOf(ticket)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/tickets/" + ticket);
        assertThat(useCount(article)).isEqualTo(1);

        assertThat(mvc.get().uri("/kb/for-ticket/" + ticket).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("Invoice reprint");

        assertThat(mvc.post()
                        .uri("/kb/articles/" + article + "/unlink")
                        .with(user("agent1"))
                        .with(csrf())
                        .param("ticketId", String.valueOf(ticket)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(useCount(article)).isZero();
    }

    @Test
    void aRepCannotLinkToAnotherTeamsTicket() {
        long article = article("Warranty terms " + unique(), "保修期为一年。", true);
        long ticket = ticketFor(customerOf("rep3"));

        assertThat(mvc.post()
                        .uri("/kb/articles/" + article + "/links")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("ticketId", String.valueOf(ticket)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/kb/for-ticket/" + ticket).with(user("rep1"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(useCount(article)).isZero();
        assertThat(mvc.post()
                        .uri("/kb/articles/" + article + "/links")
                        .with(user("rep3"))
                        .with(csrf())
                        .param("ticketId", String.valueOf(ticket)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(useCount(article)).isEqualTo(1);
    }

    @Test
    void rendersSafelyAndDetectsStaleEditsThroughTheApi() {
        long id = article("XSS check " + unique(), "<script>alert(1)</script>\\n\\n[x](javascript:alert(2))", true);

        assertThat(mvc.get().uri("/kb/articles/" + id).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert", "href=\"javascript");
        assertThat(mvc.get().uri("/api/v1/kb/articles/" + id).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.body")
                .isEqualTo("<script>alert(1)</script>\n\n[x](javascript:alert(2))");

        assertThat(mvc.put()
                        .uri("/api/v1/kb/articles/" + id)
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Fixed\", \"body\": \"safe\", \"version\": 0}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.html")
                .isEqualTo("<p>safe</p>\n");
        assertThat(mvc.put()
                        .uri("/api/v1/kb/articles/" + id)
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Stale\", \"body\": \"stale\", \"version\": 0}"))
                .hasStatus(HttpStatus.CONFLICT);

        // DELETE unpublishes a published article and deletes a draft
        assertThat(mvc.delete().uri("/api/v1/kb/articles/" + id).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/kb/articles/" + id).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/kb/articles/" + id).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/kb/articles/" + id).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}

package com.kehu.crm.support;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.concurrent.ThreadLocalRandom;
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

/** Call records end to end: the number match, the record rules, the screens, the API and the timeline. */
@IntegrationTest
class CallIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    /** A random mainland mobile number, 11 digits. */
    static String mobile() {
        return "13" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    long customerOf(String username, String name, String phone) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"phone\": \"%s\"}".formatted(name, phone))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long call(String username, long customerId) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/calls")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"direction": "INBOUND", "phone": "021 5555 1234", "customerId": %d,
                         "durationSeconds": 185, "outcome": "ANSWERED", "notes": "询问发票"}""".formatted(customerId))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    @Test
    void matchesTheCallerByAFormattedNumber() {
        String number = mobile();
        String name = "来电匹配公司" + number.substring(7);
        customerOf("rep1", name, number);
        String formatted = "+86 " + number.substring(0, 3) + "-" + number.substring(3, 7) + " " + number.substring(7);

        assertThat(mvc.get().uri("/calls/match?phone={p}", formatted).with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains(name, "call-match")
                .doesNotContain("<html");
        // the last digits alone (a caller ID without the first digits) find the customer too
        assertThat(mvc.get().uri("/calls/match?phone={p}", number.substring(3)).with(user("rep1")))
                .bodyText()
                .contains(name);
        // the customer of rep1 is not shown to a rep of another team
        assertThat(mvc.get().uri("/calls/match?phone={p}", formatted).with(user("rep3")))
                .bodyText()
                .doesNotContain(name);
    }

    @Test
    void logsACallFromTheQuickForm() {
        String number = mobile();
        long customer = customerOf("rep1", "快速记录公司" + number.substring(7), number);

        assertThat(mvc.post()
                        .uri("/calls")
                        .with(user("agent1"))
                        .with(csrf())
                        .param("phone", "0086 " + number)
                        .param("customerId", String.valueOf(customer))
                        .param("direction", "INBOUND")
                        .param("outcome", "CALLBACK_REQUESTED")
                        .param("duration", "2:05"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/calls");
        assertThat(jdbc.sql("select duration_seconds from call_record where customer_id = :c")
                        .param("c", customer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(125);
        assertThat(mvc.get().uri("/calls/for-customer/" + customer).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("2:05", "Callback requested")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/customers/" + customer + "/timeline").with(user("rep1")))
                .bodyText()
                .contains("Callback requested");
    }

    @Test
    void rejectsABadDurationNextToTheFieldInChinese() {
        assertThat(mvc.post()
                        .uri("/calls?lang=zh-CN")
                        .with(user("agent1"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("phone", "138 0000")
                        .param("direction", "OUTBOUND")
                        .param("outcome", "BUSY")
                        .param("duration", "5 minutes"))
                .hasStatusOk()
                .hasViewName("calls/form")
                .bodyText()
                .contains("请按“分:秒”格式填写");
    }

    @Test
    void followsTheCustomersRecordRules() {
        long customer = customerOf("rep1", "呼叫可见性公司", mobile());
        long id = call("rep1", customer);

        assertThat(mvc.get().uri("/api/v1/calls/" + id).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/calls/" + id).with(user("rep3"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/calls?customerId=" + customer).with(httpBasic("rep3", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/calls/" + id).with(httpBasic("manager", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.durationSeconds")
                .isEqualTo(185);
        assertThat(mvc.get().uri("/api/v1/calls?customerId=" + customer).with(httpBasic("agent1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .asNumber()
                .isEqualTo((int) id);
        assertThat(mvc.get().uri("/calls").with(user("marketer1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/calls")
                        .with(httpBasic("rep3", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"direction\": \"OUTBOUND\", \"phone\": \"1\", \"outcome\": \"BUSY\", \"customerId\": "
                                        + customer + "}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void correctsACallWithTheVersionAndRejectsStaleOnes() {
        long customer = customerOf("rep1", "呼叫更正公司", mobile());
        long id = call("rep1", customer);
        String body = """
                {"direction": "OUTBOUND", "phone": "021 5555 1234", "customerId": %d, "outcome": "VOICEMAIL",
                 "version": 0}""".formatted(customer);

        assertThat(mvc.put()
                        .uri("/api/v1/calls/" + id)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.outcome")
                .isEqualTo("VOICEMAIL");
        assertThat(mvc.put()
                        .uri("/api/v1/calls/" + id)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.put()
                        .uri("/api/v1/calls/" + id)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\": \"OUTBOUND\", \"phone\": \"1\", \"outcome\": \"BUSY\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}

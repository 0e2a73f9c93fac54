package com.kehu.crm.customer;

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
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The record rules, end to end through the screens and the API, on the real database. */
@IntegrationTest
class CustomerAccessIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    long createAs(String username, String name) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "%s", "kind": "ENTERPRISE", "phone": "0571-8888 1234", "status": "TARGET",
                         "tags": ["茶叶"], "profile": {"basic.foundedYear": "2001"}}""".formatted(name))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRepGets404ForAnotherRepsCustomerInTheScreensAndTheApi() {
        long id = createAs("rep1", unique("杭州西湖茶业"));

        assertThat(mvc.get().uri("/customers/" + id).with(user("rep1"))).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("rep2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/customers/" + id).with(user("rep2")))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasViewName("error/404");
        assertThat(mvc.get().uri("/customers/" + id + "/edit").with(user("rep2")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/customers/" + id + "/archive")
                        .with(user("rep2"))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + id)
                        .with(httpBasic("rep2", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"stolen\", \"version\": 0}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/customers?q=杭州西湖").with(httpBasic("rep2", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
    }

    @Test
    void aManagerSeesTheTeamAndAnotherManagerDoesNot() {
        long id = createAs("rep1", unique("宁波港务"));

        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("manager", PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("manager2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("admin", PASSWORD)))
                .hasStatusOk();
    }

    @Test
    void supportAgentsReadEveryCustomerButChangeNone() {
        long id = createAs("rep3", unique("沈阳重工"));

        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("agent1", PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + id)
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"changed\", \"version\": 0}"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/v1/customers/" + id).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/customers").with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void managersReassignWithinTheirTeamOnly() {
        long id = createAs("rep1", unique("苏州丝绸"));
        long rep2 = userId("rep2");
        long rep3 = userId("rep3");

        assertThat(mvc.post()
                        .uri("/customers/" + id + "/owner")
                        .with(user("manager"))
                        .with(csrf())
                        .param("ownerId", String.valueOf(rep3)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "customer.owner.notAssignable");
        assertThat(mvc.post()
                        .uri("/customers/" + id + "/owner")
                        .with(user("manager"))
                        .with(csrf())
                        .param("ownerId", String.valueOf(rep2)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/" + id);
        assertThat(ownerOf(id)).isEqualTo(rep2);
        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    long ownerOf(long customerId) {
        return jdbc.sql("select owner_id from customer where id = ?")
                .param(customerId)
                .query(Long.class)
                .single();
    }

    /** The real principal, as form login would create it (the web chain does not accept HTTP Basic). */
    org.springframework.test.web.servlet.request.RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(userDetailsService.loadUserByUsername(username));
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetailsService;
}

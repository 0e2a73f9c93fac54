package com.kehu.crm.customer.api;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class CustomerApiTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String user, String json) {
        return mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    @Test
    void asksForCredentialsWithAProblemDocument() {
        assertThat(mvc.get().uri("/api/v1/customers"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("WWW-Authenticate", "Basic realm=\"Kehu CRM\"");
        assertThat(mvc.get().uri("/api/v1/customers").with(httpBasic("rep1", "wrong-password")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void createsReadsAndPagesCustomers() {
        String name = "Bright Harbor " + UUID.randomUUID().toString().substring(0, 6);
        MvcTestResult created =
                post("rep1", """
                {"name": "%s", "kind": "ENTERPRISE", "code": "bh-%s", "email": "Sales@BrightHarbor.example",
                 "industry": "LOGISTICS", "region": "EAST", "source": "EXHIBITION", "tags": ["port", "vip"]}""".formatted(name, UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.owner").isEqualTo("rep1");
        assertThat(created).bodyJson().extractingPath("$.email").isEqualTo("sales@brightharbor.example");
        assertThat(created).bodyJson().extractingPath("$.code").asString().startsWith("BH-");
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("POTENTIAL");
        assertThat(created).bodyJson().extractingPath("$.version").isEqualTo(0);

        MvcTestResult list = mvc.get()
                .uri("/api/v1/customers?q={q}&size=5", name.substring(0, 12))
                .with(httpBasic("rep1", PASSWORD))
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat(list).bodyJson().extractingPath("$.page.size").isEqualTo(5);
        assertThat(list).bodyJson().extractingPath("$.page.number").isEqualTo(0);
        assertThat(list)
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .asNumber()
                .isNotEqualTo(0);
        assertThat(list)
                .bodyJson()
                .extractingPath("$.page.totalPages")
                .asNumber()
                .isNotEqualTo(0);
        assertThat(list)
                .bodyJson()
                .extractingPath("$.content[0].name")
                .asString()
                .startsWith("Bright Harbor");
        assertThat(list).bodyJson().extractingPath("$.content[0].createdAt").isNotNull();
    }

    @Test
    void reportsFieldErrorsAsProblemDetails() {
        MvcTestResult result = post("rep1", """
                {"name": "", "email": "nope", "profile": {"basic.foundedYear": "long ago"}}""");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("name", "email");

        MvcTestResult profile = post("rep1", """
                {"name": "Profile Test", "profile": {"basic.foundedYear": "long ago", "secret.field": "x"}}""");
        assertThat(profile).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(profile)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("profile.basic.foundedYear", "profile.secret.field");
    }

    @Test
    void refusesOwnersOutsideTheTeamAndDuplicateCodes() {
        assertThat(post("rep1", "{\"name\": \"X\", \"owner\": \"rep3\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        String code = "DUP-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(post("rep1", "{\"name\": \"A\", \"code\": \"%s\"}".formatted(code)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(post("rep2", "{\"name\": \"B\", \"code\": \"%s\"}".formatted(code)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(post("manager", "{\"name\": \"For rep2\", \"owner\": \"rep2\"}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.owner")
                .isEqualTo("rep2");
    }

    @Test
    void detectsStaleUpdatesWithTheVersion() {
        long id = idOf(post("rep1", "{\"name\": \"Version Test\", \"status\": \"TARGET\"}"));

        MvcTestResult first = mvc.put()
                .uri("/api/v1/customers/" + id)
                .with(httpBasic("rep1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Version Test 2\", \"status\": \"ACTUAL\", \"version\": 0}")
                .exchange();
        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.version").isEqualTo(1);
        assertThat(first).bodyJson().extractingPath("$.status").isEqualTo("ACTUAL");

        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + id)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Stale\", \"status\": \"ACTUAL\", \"version\": 0}"))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + id)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Back\", \"status\": \"POTENTIAL\", \"version\": 1}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("Version Test 2");
    }

    @Test
    void deleteArchivesInsteadOfDeleting() {
        long id = idOf(post("rep1", "{\"name\": \"Archive Me " + UUID.randomUUID() + "\"}"));

        assertThat(mvc.delete().uri("/api/v1/customers/" + id).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/customers/" + id).with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.archived")
                .isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/customers?q=Archive Me").with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/customers?q=Archive Me&archived=true").with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isNotEmpty();
    }

    @Test
    void publishesTheOpenApiDocument() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(
                        mvc.get()
                                .uri("/v3/api-docs")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("admin")
                                        .roles("ADMIN")))
                .hasStatusOk()
                .bodyText()
                .contains("/api/v1/customers", "/api/v1/customers/{id}", "Kehu CRM API", "\"scheme\":\"basic\"");
    }
}

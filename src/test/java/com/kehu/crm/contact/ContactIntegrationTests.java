package com.kehu.crm.contact;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Contacts end to end: the customer's record rules, the API, the screens and the 360 tab. */
@IntegrationTest
class ContactIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"联系人测试公司 " + UUID.randomUUID().toString().substring(0, 6) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long contactOf(String username, long customerId, String name) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/contacts")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customerId": %d, "name": "%s", "title": "采购经理", "mobile": "139 1234 5678",
                         "email": "Buyer@Example.cn", "responsible": true, "preferredChannel": "WECHAT"}""".formatted(customerId, name))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.email").isEqualTo("buyer@example.cn");
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    @Test
    void followsTheCustomersRecordRules() {
        long customer = customerOf("rep1");
        long contact = contactOf("rep1", customer, "李采购");

        assertThat(mvc.get().uri("/api/v1/contacts/" + contact).with(httpBasic("rep2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/contacts/" + contact).with(user("rep2"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/contacts/" + contact).with(httpBasic("rep2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/contacts")
                        .with(httpBasic("rep2", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": " + customer + ", \"name\": \"闯入者\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/contacts?customerId=" + customer).with(httpBasic("rep2", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/contacts?customerId=" + customer).with(httpBasic("manager", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].name")
                .isEqualTo("李采购");
        assertThat(mvc.get().uri("/api/v1/contacts/" + contact).with(httpBasic("agent1", PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/contacts/" + contact)
                        .with(httpBasic("agent1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"改名\", \"version\": 0}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void searchesByChineseNameAndPhoneAndDetectsStaleEdits() {
        long customer = customerOf("rep1");
        String name = "欧阳" + UUID.randomUUID().toString().substring(0, 4);
        long contact = contactOf("rep1", customer, name);

        assertThat(mvc.get().uri("/api/v1/contacts?q={q}", name).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .asNumber()
                .isEqualTo((int) contact);
        assertThat(mvc.get().uri("/contacts?q=1391234").with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains(name);

        assertThat(mvc.put()
                        .uri("/api/v1/contacts/" + contact)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"decisionMaker\": true, \"version\": 0}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.decisionMaker")
                .isEqualTo(true);
        assertThat(mvc.put()
                        .uri("/api/v1/contacts/" + contact)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"stale\", \"version\": 0}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void managesContactsFromTheCustomerPage() {
        long customer = customerOf("rep1");

        assertThat(mvc.get().uri("/contacts/new?customerId=" + customer).with(user("rep1")))
                .hasStatusOk()
                .hasViewName("contacts/form");
        assertThat(mvc.post()
                        .uri("/contacts")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("customerId", String.valueOf(customer))
                        .param("name", "")
                        .param("email", "nope")
                        .param("birthday", "2999-01-01"))
                .hasStatusOk()
                .model()
                .extractingBindingResult("contact")
                .hasFieldErrors("name", "email", "birthday");
        assertThat(mvc.post()
                        .uri("/contacts")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("customerId", String.valueOf(customer))
                        .param("name", "赵决策")
                        .param("decisionMaker", "true")
                        .param("mobile", "13700001111"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/" + customer + "#tab-contacts");
        assertThat(mvc.get().uri("/contacts/for-customer/" + customer).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("赵决策", "Decision maker", "new-contact")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/contacts/for-customer/" + customer).with(user("agent1")))
                .bodyText()
                .contains("赵决策")
                .doesNotContain("new-contact");
        assertThat(mvc.get().uri("/contacts/for-customer/" + customer).with(user("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/contacts").with(user("marketer1"))).hasStatus(HttpStatus.FORBIDDEN);
    }
}

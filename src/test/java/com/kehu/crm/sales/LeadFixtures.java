package com.kehu.crm.sales;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Leads and customers made through the API, with names, phones and e-mails no other test uses. */
final class LeadFixtures {

    private final MockMvcTester mvc;

    LeadFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /**
     * Back to the pool with every open lead a test claimed: the claim limit is per rep, and the classes with a low
     * limit (LeadServiceTests) share the database.
     */
    static void releaseOpenLeads(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("update lead set owner_id = null, claimed_at = null"
                        + " where owner_id is not null and status in ('NEW', 'WORKING', 'QUALIFIED')")
                .update();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniquePhone() {
        return "1" + (3_000_000_000L + ThreadLocalRandom.current().nextLong(6_999_999_999L));
    }

    long lead(String username, String company, String phone, String email, boolean keep) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/leads")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"companyName": %s, "contactName": "王经理", "contactTitle": "采购总监", "phone": %s,
                         "email": %s, "source": "EXHIBITION", "prospectList": "GROUPS", "keepForMyself": %s}""".formatted(json(company), json(phone), json(email), keep))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idFromLocation(result);
    }

    long qualifiedLead(String username, String company, String phone, String email) {
        long id = lead(username, company, phone, email, true);
        assertThat(mvc.post()
                        .uri("/api/v1/leads/" + id + "/qualify")
                        .with(httpBasic(username, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"willingToBuy\": true, \"ableToPay\": true, \"hasAuthority\": true}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("QUALIFIED");
        return id;
    }

    long customer(String username, String name, String phone, String email) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": %s, \"phone\": %s, \"email\": %s}".formatted(json(name), json(phone), json(email)))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idFromLocation(result);
    }

    MvcTestResult convert(String username, long leadId, String body) {
        return mvc.post()
                .uri("/api/v1/leads/" + leadId + "/convert")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    static <T> T read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), path);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long idFromLocation(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}

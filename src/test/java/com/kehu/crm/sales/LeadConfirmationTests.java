package com.kehu.crm.sales;

import static com.kehu.crm.sales.LeadFixtures.unique;
import static com.kehu.crm.sales.LeadFixtures.uniquePhone;
import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** With crm.sales.manager-confirms-qualified on, a manager of the owner's team confirms before conversion. */
@IntegrationTest
@TestPropertySource(properties = "crm.sales.manager-confirms-qualified=true")
class LeadConfirmationTests {

    @Autowired
    MockMvcTester mvc;

    @org.junit.jupiter.api.AfterEach
    void releaseClaimedLeads(@Autowired JdbcClient jdbcClient) {
        LeadFixtures.releaseOpenLeads(jdbcClient);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aManagerOfTheOwnersTeamConfirmsBeforeTheLeadConverts() {
        LeadFixtures fixtures = new LeadFixtures(mvc);
        long lead = fixtures.qualifiedLead("rep1", unique("待确认公司"), uniquePhone(), null);

        assertThat(fixtures.convert("rep1", lead, "{}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("lead.convert.notConfirmed");
        assertThat(mvc.post().uri("/api/v1/leads/" + lead + "/confirm").with(httpBasic("rep1", PASSWORD)))
                .as("reps do not confirm")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/leads/" + lead + "/confirm").with(httpBasic("manager2", PASSWORD)))
                .as("another team's manager does not see the lead")
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/leads?view=AWAITING_CONFIRMATION")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("manager"))))
                .hasStatusOk()
                .bodyText()
                .contains("/leads/" + lead);
        assertThat(mvc.post()
                        .uri("/leads/" + lead + "/confirm")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("manager")))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "lead.confirmed");

        Map<String, Object> confirmed = jdbc.sql("select confirmed_by, confirmed_at from lead where id = ?")
                .param(lead)
                .query()
                .singleRow();
        long managerId = ((CrmUserDetails) users.loadUserByUsername("manager")).getId();
        assertThat(confirmed).containsEntry("confirmed_by", managerId);
        assertThat(confirmed.get("confirmed_at")).isNotNull();
        assertThat(fixtures.convert("rep1", lead, "{\"ignoreDuplicates\": true}"))
                .hasStatusOk();
    }

    @Test
    void newAnswersNeedANewConfirmation() {
        LeadFixtures fixtures = new LeadFixtures(mvc);
        long lead = fixtures.qualifiedLead("rep1", unique("重新审核"), null, null);
        assertThat(mvc.post().uri("/api/v1/leads/" + lead + "/confirm").with(httpBasic("admin", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.confirmedByName")
                .isNotNull();

        fixtures.qualifiedLead("rep1", unique("无关"), null, null);
        assertThat(mvc.post()
                        .uri("/api/v1/leads/" + lead + "/qualify")
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"willingToBuy\": true, \"ableToPay\": true, \"hasAuthority\": true}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.confirmedAt")
                .isNull();
        assertThat(fixtures.convert("rep1", lead, "{}")).hasStatus(HttpStatus.CONFLICT);
    }
}

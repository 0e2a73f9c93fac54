package com.kehu.crm.sales;

import static com.kehu.crm.sales.LeadFixtures.unique;
import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The claim limit through the API; the same settings as LeadServiceTests, so the two share a context. */
@IntegrationTest
@TestPropertySource(properties = {"crm.sales.claim-limit=2", "crm.sales.pool-return-after=7d"})
class LeadClaimLimitTests {

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
    void refusesAClaimBeyondTheLimitWithAFixedMessage() {
        long rep = ((CrmUserDetails) users.loadUserByUsername("rep3")).getId();
        jdbc.sql("update lead set owner_id = null, claimed_at = null where owner_id = ?")
                .param(rep)
                .update();
        LeadFixtures fixtures = new LeadFixtures(mvc);
        long first = fixtures.lead("manager2", unique("上限甲"), null, null, false);
        long second = fixtures.lead("manager2", unique("上限乙"), null, null, false);
        long third = fixtures.lead("manager2", unique("上限丙"), null, null, false);

        assertThat(mvc.post().uri("/api/v1/leads/" + first + "/claim").with(httpBasic("rep3", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.ownerId")
                .isEqualTo((int) rep);
        assertThat(mvc.post().uri("/api/v1/leads/" + second + "/claim").with(httpBasic("rep3", PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/leads/" + third + "/claim").with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("You already hold the maximum number of open leads. Convert, disqualify or release some"
                        + " first.");
        assertThat(mvc.get().uri("/api/v1/leads/" + third).with(httpBasic("rep3", PASSWORD)))
                .bodyJson()
                .extractingPath("$.ownerId")
                .isNull();
    }
}

package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import com.kehu.crm.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The campaign page with its member list costs the same statements for 3 members as for 25: no N+1. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class CampaignListQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignService campaigns;

    int statementsFor(long campaign, int page) {
        var user = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("marketer1"));
        String uri = "/campaigns/" + campaign + "?page=" + page;
        assertThat(mvc.get().uri(uri).with(user).exchange()).hasStatus(HttpStatus.OK);
        StatementCounter.reset();
        assertThat(mvc.get().uri(uri).with(user).exchange()).hasStatus(HttpStatus.OK);
        return StatementCounter.count();
    }

    @Test
    void theMemberListIsNPlusOneFree() {
        CampaignTestData data = new CampaignTestData(jdbc, users, campaigns);
        CurrentUser marketer = data.user("marketer1");
        long campaign = data.campaign("计数", 30);
        for (int i = 0; i < 27; i++) {
            campaigns.addCustomer(campaign, data.customer(CampaignTestData.unique("计数客户")), marketer);
        }
        for (int i = 0; i < 3; i++) {
            campaigns.addProspect(campaign, new CampaignProspect("访客 " + i, null, null, null), marketer);
        }
        // a full first page of 25 members, and a second page of 5: the same statements
        assertThat(statementsFor(campaign, 0)).isEqualTo(statementsFor(campaign, 1));
        var user = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("marketer1"));
        StatementCounter.reset();
        assertThat(mvc.get().uri("/campaigns").with(user).exchange()).hasStatus(HttpStatus.OK);
        assertThat(StatementCounter.count()).isLessThanOrEqualTo(5);
    }
}

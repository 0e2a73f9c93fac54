package com.kehu.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"crm.sales.claim-limit=2", "crm.sales.pool-return-after=7d"})
class LeadServiceTests {

    @Autowired
    LeadService service;

    @Autowired
    LeadRepository leads;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    long poolLead(String name) {
        return service.create(
                new NewLead("公司" + name, name, null, null, LeadSource.WEB_FORM, ProspectList.LOST_CUSTOMERS, false),
                user("manager"));
    }

    @Test
    void limitsHowManyLeadsARepHolds() {
        CurrentUser rep = user("rep3");
        jdbc.sql("update lead set owner_id = null, claimed_at = null where owner_id = ?")
                .param(rep.id())
                .update();
        service.claim(poolLead("甲"), rep);
        service.claim(poolLead("乙"), rep);

        long third = poolLead("丙");
        assertThatThrownBy(() -> service.claim(third, rep))
                .isInstanceOfSatisfying(
                        IllegalLeadStateException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("lead.claim.limit"));
        assertThat(leads.findById(third).orElseThrow().isInPool()).isTrue();
        assertThatThrownBy(() -> service.claim(third, user("agent1"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void hidesPrivateLeadsFromOtherTeamsAndLetsManagersAssign() {
        long lead = poolLead("丁");
        service.claim(lead, user("rep1"));

        assertThatThrownBy(() -> service.recordFollowUp(lead, user("rep3"))).isInstanceOf(LeadNotFoundException.class);
        assertThatThrownBy(() -> service.assign(lead, user("rep3").id(), user("manager2")))
                .as("another team's private lead is invisible")
                .isInstanceOf(LeadNotFoundException.class);
        assertThatThrownBy(() -> service.assign(lead, user("rep3").id(), user("manager")))
                .as("a manager hands leads only to their own team")
                .isInstanceOf(IllegalLeadStateException.class);
        service.assign(lead, user("rep2").id(), user("manager"));
        assertThat(leads.findById(lead).orElseThrow().getOwnerId())
                .isEqualTo(user("rep2").id());
        assertThatThrownBy(() -> service.release(lead, user("rep1"))).isInstanceOf(LeadNotFoundException.class);
        service.release(lead, user("rep2"));
        assertThat(leads.findById(lead).orElseThrow().isInPool()).isTrue();
    }

    @Test
    void returnsNeglectedLeadsToThePool() {
        long neglected = poolLead("戊");
        long followed = poolLead("己");
        CurrentUser rep = user("rep2");
        jdbc.sql("update lead set owner_id = null, claimed_at = null where owner_id = ?")
                .param(rep.id())
                .update();
        service.claim(neglected, rep);
        service.claim(followed, rep);
        service.recordFollowUp(followed, rep);
        jdbc.sql("update lead set claimed_at = now() - interval '8 days', last_follow_up_at = null where id = ?")
                .param(neglected)
                .update();

        assertThat(service.returnNeglectedLeads()).isGreaterThanOrEqualTo(1);
        assertThat(leads.findById(neglected).orElseThrow().isInPool()).isTrue();
        assertThat(leads.findById(followed).orElseThrow().getOwnerId()).isEqualTo(rep.id());
        assertThat(service.returnNeglectedLeads()).isZero();
    }

    @Test
    void qualifiesAClaimedLead() {
        long lead = poolLead("庚");
        CurrentUser rep = user("rep1");
        jdbc.sql("update lead set owner_id = null, claimed_at = null where owner_id = ?")
                .param(rep.id())
                .update();
        assertThatThrownBy(() -> service.qualify(lead, true, true, true, rep))
                .isInstanceOfSatisfying(
                        IllegalLeadStateException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("lead.claimFirst"));
        service.claim(lead, rep);
        service.qualify(lead, true, true, true, rep);
        assertThat(leads.findById(lead).orElseThrow().getStatus()).isEqualTo(LeadStatus.QUALIFIED);
    }
}

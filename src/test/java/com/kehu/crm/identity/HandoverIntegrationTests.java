package com.kehu.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.kehu.crm.shared.handover.HandoverParticipant;
import com.kehu.crm.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A departing rep's work moves in one step, all or nothing, and only within the manager's team. */
@IntegrationTest
class HandoverIntegrationTests {

    static final AtomicBoolean FAIL_LAST_PARTICIPANT = new AtomicBoolean();

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingParticipant {

        /** Runs after the real participants and fails on demand, to prove their changes roll back too. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        HandoverParticipant failingParticipant() {
            return (from, to) -> {
                if (FAIL_LAST_PARTICIPANT.get()) {
                    throw new IllegalStateException("simulated failure");
                }
                return Map.of();
            };
        }
    }

    @Autowired
    HandoverService handovers;

    @Autowired
    UserService userService;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @AfterEach
    void reset() {
        FAIL_LAST_PARTICIPANT.set(false);
    }

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    CurrentUser freshRep(String teamOf) {
        String username = "ho" + UUID.randomUUID().toString().substring(0, 8);
        userService.create(new CreateUser(
                username, "交接 " + username, Role.SALES_REP, user(teamOf).teamId(), null, "Kehu-Test-Pass-2026!x"));
        return user(username);
    }

    /** Customers, leads, deals and tasks of the leaving rep, open and closed, written directly. */
    Fixture workOf(CurrentUser rep) {
        long customer = insertCustomer(rep.id());
        long customer2 = insertCustomer(rep.id());
        long openLead = insertLead(rep.id(), "WORKING");
        long closedLead = insertLead(rep.id(), "DISQUALIFIED");
        long openDeal = insertDeal(customer, rep.id(), false);
        long wonDeal = insertDeal(customer, rep.id(), true);
        long openTask = insertActivity(customer, rep.id(), "TASK", false);
        long doneTask = insertActivity(customer, rep.id(), "TASK", true);
        long call = insertActivity(customer2, rep.id(), "CALL", false);
        return new Fixture(customer, customer2, openLead, closedLead, openDeal, wonDeal, openTask, doneTask, call);
    }

    record Fixture(
            long customer,
            long customer2,
            long openLead,
            long closedLead,
            long openDeal,
            long wonDeal,
            long openTask,
            long doneTask,
            long call) {}

    @Test
    void movesAllOpenWorkAndLeavesClosedWorkInOneAction() {
        CurrentUser leaving = freshRep("rep1");
        CurrentUser taking = freshRep("rep1");
        Fixture f = workOf(leaving);

        Map<String, Integer> preview = handovers.preview(leaving.id(), taking.id(), user("manager"));
        assertThat(owner("customer", f.customer()))
                .as("the preview changes nothing")
                .isEqualTo(leaving.id());

        handovers.handOver(leaving.id(), taking.id(), user("manager"));

        assertThat(preview)
                .containsEntry("handover.customers", 2)
                .containsEntry("handover.leads", 1)
                .containsEntry("handover.opportunities", 1)
                .containsEntry("handover.tasks", 1);
        assertThat(owner("customer", f.customer())).isEqualTo(taking.id());
        assertThat(owner("customer", f.customer2())).isEqualTo(taking.id());
        assertThat(owner("lead", f.openLead())).isEqualTo(taking.id());
        assertThat(owner("lead", f.closedLead())).isEqualTo(leaving.id());
        assertThat(owner("opportunity", f.openDeal())).isEqualTo(taking.id());
        assertThat(owner("opportunity", f.wonDeal())).isEqualTo(leaving.id());
        assertThat(owner("activity", f.openTask())).isEqualTo(taking.id());
        assertThat(owner("activity", f.doneTask())).isEqualTo(leaving.id());
        // the owner change is in the moved records' history (audit trail, issue 6)
        assertThat(jdbc.sql("""
                                select count(*) from audit_change where field = 'owner' and new_value = :to
                                and ((entity_type = 'CUSTOMER' and entity_id = :c) or (entity_type = 'OPPORTUNITY' and entity_id = :o))""")
                        .param("to", String.valueOf(taking.id()))
                        .param("c", f.customer())
                        .param("o", f.openDeal())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(owner("activity", f.call())).isEqualTo(leaving.id());
        assertThat(jdbc.sql("select version from customer where id = :id")
                        .param("id", f.customer())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        var history = handovers.history(0, user("manager")).content();
        assertThat(history).first().satisfies(h -> {
            assertThat(h.fromUser()).isEqualTo("交接 " + leaving.username());
            assertThat(h.toUser()).isEqualTo("交接 " + taking.username());
            assertThat(h.counts()).containsEntry("handover.customers", 2).containsEntry("handover.tasks", 1);
        });
    }

    @Test
    void changesNothingWhenAnyPartFails() {
        CurrentUser leaving = freshRep("rep1");
        CurrentUser taking = freshRep("rep1");
        Fixture f = workOf(leaving);
        long before = handoverCount();
        FAIL_LAST_PARTICIPANT.set(true);

        assertThatThrownBy(() -> handovers.handOver(leaving.id(), taking.id(), user("manager")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(owner("customer", f.customer())).isEqualTo(leaving.id());
        assertThat(owner("lead", f.openLead())).isEqualTo(leaving.id());
        assertThat(owner("opportunity", f.openDeal())).isEqualTo(leaving.id());
        assertThat(owner("activity", f.openTask())).isEqualTo(leaving.id());
        assertThat(handoverCount()).isEqualTo(before);
    }

    @Test
    void aManagerHandsOverOnlyTheirOwnTeam() {
        CurrentUser eastRep = freshRep("rep1");
        Fixture f = workOf(eastRep);

        assertThatThrownBy(() -> handovers.handOver(eastRep.id(), user("rep3").id(), user("manager2")))
                .isInstanceOfSatisfying(
                        HandoverNotAllowedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("handover.fromNotAllowed"));
        assertThatThrownBy(() -> handovers.handOver(eastRep.id(), user("rep3").id(), user("manager")))
                .isInstanceOfSatisfying(
                        HandoverNotAllowedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("handover.toNotAllowed"));
        assertThat(owner("customer", f.customer())).isEqualTo(eastRep.id());

        assertThat(mvc.post()
                        .uri("/team/handover")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("manager2")))
                        .with(csrf())
                        .param("fromUserId", String.valueOf(eastRep.id()))
                        .param("toUserId", String.valueOf(user("rep3").id())))
                .hasStatusOk()
                .bodyText()
                .contains("handover-error");
        assertThat(owner("customer", f.customer())).isEqualTo(eastRep.id());
        assertThat(mvc.get()
                        .uri("/team/handover")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("rep1"))))
                .hasStatus(HttpStatus.FORBIDDEN);

        handovers.handOver(eastRep.id(), user("rep3").id(), user("admin"));
        assertThat(owner("customer", f.customer()))
                .as("an admin hands over across teams")
                .isEqualTo(user("rep3").id());
    }

    private long owner(String table, long id) {
        // table is one of the constant names above, never user input
        return jdbc.sql("select owner_id from " + table + " where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private long handoverCount() {
        return jdbc.sql("select count(*) from handover").query(Long.class).single();
    }

    private long insertCustomer(long ownerId) {
        return jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (nextval('customer_seq'), 'HO' || nextval('customer_code_seq'), 'ENTERPRISE',
                                '交接客户', 'B2B', 'ORDINARY', 'TARGET', :owner) returning id""").param("owner", ownerId).query(Long.class).single();
    }

    private long insertLead(long ownerId, String status) {
        return jdbc.sql("""
                        insert into lead (id, contact_name, source, status, owner_id, claimed_at, disqualify_reason)
                        values (nextval('lead_seq'), '交接线索', 'PHONE', :status, :owner, now(),
                                case when :status = 'DISQUALIFIED' then '无预算' end) returning id""")
                .param("status", status)
                .param("owner", ownerId)
                .query(Long.class)
                .single();
    }

    private long insertDeal(long customerId, long ownerId, boolean won) {
        return jdbc.sql("""
                        insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type,
                                                 owner_id, stage, probability, closed_on, stage_changed_at)
                        values (nextval('opportunity_seq'), :customer, '交接商机', 1000, 'CNY', current_date,
                                'NEW_BUSINESS', :owner, :stage, :probability,
                                case when :won then current_date end, now()) returning id""")
                .param("customer", customerId)
                .param("owner", ownerId)
                .param("stage", won ? "WON" : "PROPOSAL")
                .param("probability", won ? 100 : 50)
                .param("won", won)
                .query(Long.class)
                .single();
    }

    private long insertActivity(long customerId, long ownerId, String type, boolean done) {
        return jdbc.sql("""
                        insert into activity (id, type, subject, occurred_at, customer_id, owner_id, created_by, done,
                                              done_at)
                        values (nextval('activity_seq'), :type, '交接任务', now(), :customer, :owner, :owner, :done,
                                case when :done then now() end) returning id""")
                .param("type", type)
                .param("customer", customerId)
                .param("owner", ownerId)
                .param("done", done)
                .query(Long.class)
                .single();
    }
}

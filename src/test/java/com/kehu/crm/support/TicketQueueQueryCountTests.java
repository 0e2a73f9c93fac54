package com.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CrmUserDetails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The queue costs the same statements for 26 tickets as for 56: names are joined, not looked up per row. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class TicketQueueQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    TicketService tickets;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void queueNeedsAConstantNumberOfStatements() {
        CrmUserDetails rep3 = (CrmUserDetails) users.loadUserByUsername("rep3");
        CrmUserDetails agent = (CrmUserDetails) users.loadUserByUsername("agent1");
        long customer = customers.register(
                new RegisterCustomer(
                        CustomerKind.ENTERPRISE,
                        null,
                        new CustomerDetailsData(
                                "队列计数公司",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                RelationCategory.B2B,
                                Importance.IMPORTANT,
                                CustomerStatus.TARGET,
                                List.of(),
                                Map.of()),
                        null),
                rep3.currentUser());
        long category = jdbc.sql("select min(id) from ticket_category")
                .query(Long.class)
                .single();
        addTickets(customer, category, rep3, agent, 26);
        int few = statementsFor("/tickets?view=MINE", agent);
        int fewRep = statementsFor("/tickets?view=ALL", rep3);
        addTickets(customer, category, rep3, agent, 30);
        int many = statementsFor("/tickets?view=MINE", agent);
        int manyRep = statementsFor("/tickets?view=ALL", rep3);

        assertThat(many).isEqualTo(few);
        assertThat(manyRep).isEqualTo(fewRep);
        // the page, the capped count (a full page), the session
        assertThat(many).isLessThanOrEqualTo(5);
    }

    private void addTickets(long customer, long category, CrmUserDetails rep, CrmUserDetails agent, int count) {
        for (int i = 0; i < count; i++) {
            tickets.open(
                    new NewTicket(
                            customer,
                            null,
                            null,
                            new TicketData(
                                    TicketChannel.PHONE,
                                    TicketType.INQUIRY,
                                    category,
                                    TicketPriority.LOW,
                                    "计数 " + i,
                                    null),
                            null),
                    rep.currentUser());
        }
        jdbc.sql("update ticket set assignee_id = :agent, status = 'ASSIGNED' where customer_id = :customer")
                .param("agent", agent.getId())
                .param("customer", customer)
                .update();
    }

    private int statementsFor(String uri, CrmUserDetails principal) {
        StatementCounter.reset();
        assertThat(mvc.get().uri(uri).with(user(principal))).hasStatusOk();
        return StatementCounter.count();
    }
}

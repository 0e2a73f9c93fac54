package com.kehu.crm.customer.web;

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
import com.kehu.crm.support.IntegrationTest;
import com.kehu.crm.support.StatementCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The list page costs the same number of statements whatever the page size: no N+1 from owners or tags. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class CustomerListQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    UserDetailsService users;

    CrmUserDetails manager;

    @BeforeEach
    void createCustomersForTwoRepsOfOneTeam() {
        manager = (CrmUserDetails) users.loadUserByUsername("manager");
        for (String rep : List.of("rep1", "rep2")) {
            CrmUserDetails owner = (CrmUserDetails) users.loadUserByUsername(rep);
            for (int i = 0; i < 30; i++) {
                customers.register(
                        new RegisterCustomer(
                                CustomerKind.ENTERPRISE,
                                null,
                                new CustomerDetailsData(
                                        "计数测试 " + rep + " " + i,
                                        "138" + (10000000 + i),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        RelationCategory.B2B,
                                        Importance.ORDINARY,
                                        CustomerStatus.TARGET,
                                        List.of("a", "b"),
                                        Map.of()),
                                null),
                        owner.currentUser());
            }
        }
    }

    @Test
    void listsAPageWithAConstantNumberOfStatements() {
        int small = statementsFor("/customers?q=计数测试&size=5&page=1");
        int large = statementsFor("/customers?q=计数测试&size=50&page=1");
        int htmx = statementsFor("/customers?q=计数测试&size=50&page=0");

        assertThat(large).isEqualTo(small);
        assertThat(htmx).isLessThanOrEqualTo(large);
        // the team lookup for the read scope, the owner picker, the page and the capped count, plus the
        // statements Spring Session JDBC issues to save the session
        assertThat(large).isLessThanOrEqualTo(7);
    }

    private int statementsFor(String uri) {
        StatementCounter.reset();
        assertThat(mvc.get().uri(uri).with(user(manager))).hasStatusOk();
        return StatementCounter.count();
    }
}

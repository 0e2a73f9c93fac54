package com.kehu.crm.sales;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The board and the forecast cost the same statements for 2 deals as for 60: no N+1 over cards or reps. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class PipelineQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    UserDetailsService users;

    @Test
    void boardAndForecastNeedAConstantNumberOfStatements() {
        CrmUserDetails manager2 = (CrmUserDetails) users.loadUserByUsername("manager2");
        CrmUserDetails rep3 = (CrmUserDetails) users.loadUserByUsername("rep3");
        long customer = customers.register(
                new RegisterCustomer(
                        CustomerKind.ENTERPRISE,
                        null,
                        new CustomerDetailsData(
                                "看板计数公司",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                RelationCategory.B2B,
                                Importance.ORDINARY,
                                CustomerStatus.TARGET,
                                List.of(),
                                Map.of()),
                        null),
                rep3.currentUser());
        addDeals(customer, rep3, 2);
        int fewBoard = statementsFor("/opportunities/board?scope=TEAM", manager2);
        int fewForecast = statementsFor("/opportunities/forecast?scope=TEAM&from=2041-01&to=2041-12", manager2);
        addDeals(customer, rep3, 58);
        addDeals(customer, manager2, 10);
        int manyBoard = statementsFor("/opportunities/board?scope=TEAM", manager2);
        int manyForecast = statementsFor("/opportunities/forecast?scope=TEAM&from=2041-01&to=2041-12", manager2);

        assertThat(manyBoard).isEqualTo(fewBoard);
        assertThat(manyForecast).isEqualTo(fewForecast);
        // team scope and owner picker (identity), two card statements and the totals, plus the session
        assertThat(manyBoard).isLessThanOrEqualTo(9);
    }

    private void addDeals(long customer, CrmUserDetails owner, int count) {
        for (int i = 0; i < count; i++) {
            long id = opportunities.open(
                    new NewOpportunity(
                            customer,
                            new OpportunityData(
                                    "计数 " + i,
                                    new BigDecimal(1000 + i),
                                    "CNY",
                                    LocalDate.of(2041, 1 + i % 12, 1 + i % 28),
                                    OpportunityType.NEW_BUSINESS,
                                    null,
                                    null,
                                    null),
                            null,
                            null),
                    owner.currentUser());
            if (i % 3 == 0) {
                opportunities.moveTo(id, PipelineStage.QUALIFICATION, null, owner.currentUser());
            }
        }
    }

    private int statementsFor(String uri, CrmUserDetails principal) {
        StatementCounter.reset();
        assertThat(mvc.get().uri(uri).with(user(principal))).hasStatusOk();
        return StatementCounter.count();
    }
}

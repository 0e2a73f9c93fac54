package com.kehu.crm.order;

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
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.NewLead;
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

/** The order list and the lead pool cost the same statements for a page of 25 rows as for one of 10: no N+1. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class OrderAndLeadListQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    LeadService leads;

    @Autowired
    UserDetailsService users;

    @Test
    void listsOrdersAndLeadsWithAConstantNumberOfStatements() {
        CrmUserDetails rep = (CrmUserDetails) users.loadUserByUsername("rep2");
        CrmUserDetails manager = (CrmUserDetails) users.loadUserByUsername("manager");
        long product = products.create(
                new ProductData("COUNT-1", "计数产品", "件", new BigDecimal("10"), new BigDecimal("6"), "CNY", true),
                manager.currentUser());
        for (int i = 0; i < 60; i++) {
            long customer = customers.register(
                    new RegisterCustomer(
                            CustomerKind.ENTERPRISE,
                            null,
                            new CustomerDetailsData(
                                    "订单计数公司 " + i,
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
                    rep.currentUser());
            orders.create(
                    new OrderDraft(
                            customer,
                            null,
                            LocalDate.parse("2026-11-01"),
                            "CNY",
                            List.of(new OrderDraft.Line(product, BigDecimal.valueOf(1 + i % 3), null, null))),
                    rep.currentUser());
            leads.create(
                    new NewLead("线索计数公司 " + i, "联系人" + i, null, null, LeadSource.WEB_FORM, null, false),
                    manager.currentUser());
        }

        // 60 of each: page 2 shows 25 rows, page 3 shows 10; both run the page and the capped count
        assertThat(statementsFor("/orders?q=订单计数&page=1", rep, "订单计数公司"))
                .isEqualTo(statementsFor("/orders?q=订单计数&page=2", rep, "订单计数公司"));
        assertThat(statementsFor("/leads?view=POOL&q=线索计数&page=1", rep, "线索计数公司"))
                .isEqualTo(statementsFor("/leads?view=POOL&q=线索计数&page=2", rep, "线索计数公司"));
    }

    private int statementsFor(String uri, CrmUserDetails principal, String listed) {
        StatementCounter.reset();
        var result = mvc.get().uri(uri).with(user(principal)).exchange();
        int statements = StatementCounter.count();
        assertThat(result).hasStatusOk().bodyText().contains(listed);
        return statements;
    }
}

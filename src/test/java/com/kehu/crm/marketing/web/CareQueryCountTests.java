package com.kehu.crm.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.marketing.CareFixtures;
import com.kehu.crm.marketing.CareJob;
import com.kehu.crm.marketing.CareKind;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.support.IntegrationTest;
import com.kehu.crm.support.StatementCounter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The reorder list, My day and the care page cost the same statements for 3 rows as for 24 (under a page, so neither counts): no N+1. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class CareQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CareJob job;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    UserService userService;

    @Autowired
    PurchaseHistory history;

    @Autowired
    TransactionTemplate tx;

    int statements(String uri, RequestPostProcessor who) {
        StatementCounter.reset();
        assertThat(mvc.get().uri(uri).with(who)).hasStatusOk();
        return StatementCounter.count();
    }

    @Test
    void listsCostAConstantNumberOfStatements() {
        CareFixtures f = new CareFixtures(jdbc, users, userService, history, tx);
        CurrentUser few = f.freshRep();
        CurrentUser many = f.freshRep();
        LocalDate today = calendar.today();
        long item = f.item("VIP", CareKind.HOLIDAY_GREETING, CareFixtures.unique("计数"), 7, 1, null, 3, true);
        List<Long> fewCustomers = new ArrayList<>();
        List<Long> manyCustomers = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            CurrentUser owner = i < 3 ? few : many;
            long id = f.customer(CareFixtures.unique("计数客户"), owner.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
            f.purchases(id, owner.id(), today.minusDays(40 + i), today.minusDays(20));
            (i < 3 ? fewCustomers : manyCustomers).add(id);
        }
        job.run(LocalDate.of(2027, 6, 29), fewCustomers, n -> {});
        job.run(LocalDate.of(2027, 6, 29), manyCustomers, n -> {});

        RequestPostProcessor fewUser = user(users.loadUserByUsername(few.username()));
        RequestPostProcessor manyUser = user(users.loadUserByUsername(many.username()));
        assertThat(statements("/care/reorder", manyUser)).isEqualTo(statements("/care/reorder", fewUser));
        assertThat(statements("/my-day", manyUser)).isEqualTo(statements("/my-day", fewUser));
        assertThat(statements("/care?itemId=" + item, manyUser)).isEqualTo(statements("/care?itemId=" + item, fewUser));
    }
}

package com.kehu.crm.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.activity.MyDay;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.marketing.CareFixtures;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.order.ReorderFilter;
import com.kehu.crm.order.ReorderQueries;
import com.kehu.crm.order.ReorderRow;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reorder reminders (王永庆's rice shop): who is due by the lookahead (7 days) and not lapsed (overdue by at most 90
 * days), from sample histories; the record rules; the My day section. Customers belong to a fresh rep of the East
 * team so the lists about them are exact.
 */
@IntegrationTest
class ReorderReminderTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ReorderQueries reorders;

    @Autowired
    MyDay myDay;

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

    CareFixtures f;
    LocalDate today;

    @BeforeEach
    void setUp() {
        f = new CareFixtures(jdbc, users, userService, history, tx);
        today = calendar.today();
    }

    /** A customer who bought twice, 30 days apart, so their next purchase is expected {@code dueIn} days from today. */
    long buyerDueIn(CurrentUser owner, String name, int dueIn) {
        long id = f.customer(name, owner.id(), "ENTERPRISE", "ORDINARY", "ACTUAL", null);
        LocalDate next = today.plusDays(dueIn);
        f.purchases(id, owner.id(), next.minusDays(60), next.minusDays(30));
        return id;
    }

    Map<String, ReorderRow> byName(List<ReorderRow> rows) {
        return rows.stream().collect(Collectors.toMap(ReorderRow::customerName, Function.identity()));
    }

    @Test
    void estimatesFromTheMedianIntervalAndListsTheDueWithinTheLookaheadAndNotTheLapsed() {
        CurrentUser rep = f.freshRep();
        String p = CareFixtures.unique("复购");
        buyerDueIn(rep, p + " 今天", 0);
        buyerDueIn(rep, p + " 第七天", 7);
        buyerDueIn(rep, p + " 第八天", 8);
        buyerDueIn(rep, p + " 逾期九十", -90);
        buyerDueIn(rep, p + " 逾期九十一", -91);
        long once = f.customer(p + " 只买一次", rep.id(), "ENTERPRISE", "ORDINARY", "ACTUAL", null);
        f.purchases(once, rep.id(), today.minusDays(40));
        // irregular: gaps 10, 12, 40 -> median 12, so due 12 days after the last purchase (3 days ago): in 9 days
        long irregular = f.customer(p + " 不规律", rep.id(), "ENTERPRISE", "ORDINARY", "ACTUAL", null);
        f.purchases(
                irregular, rep.id(), today.minusDays(65), today.minusDays(55), today.minusDays(43), today.minusDays(3));
        long lost = buyerDueIn(rep, p + " 已流失", -2);
        jdbc.sql("update customer set status = 'LOST' where id = :id")
                .param("id", lost)
                .update();
        long archived = buyerDueIn(rep, p + " 已归档", -2);
        jdbc.sql("update customer set archived = true, archived_at = now() where id = :id")
                .param("id", archived)
                .update();

        Map<String, ReorderRow> rows =
                byName(reorders.due(ReorderFilter.none(), 0, 50, rep).content());

        assertThat(rows.keySet()).containsExactlyInAnyOrder(p + " 今天", p + " 第七天", p + " 逾期九十");
        ReorderRow overdue = rows.get(p + " 逾期九十");
        assertThat(overdue.daysOverdue()).isEqualTo(90);
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.medianIntervalDays()).isEqualByComparingTo("30.0");
        assertThat(overdue.purchaseDays()).isEqualTo(2);
        assertThat(overdue.totalAmount()).isEqualByComparingTo("200.00");
        assertThat(overdue.lastOrderOn()).isEqualTo(today.minusDays(120));
        assertThat(rows.get(p + " 第七天").daysOverdue()).isEqualTo(-7);
        assertThat(rows.get(p + " 今天").daysOverdue()).isZero();

        assertThat(byName(reorders.due(new ReorderFilter(false, 10, null), 0, 50, rep)
                                .content())
                        .keySet())
                .as("due within 10 days")
                .contains(p + " 第八天", p + " 不规律")
                .doesNotContain(p + " 只买一次");
        assertThat(byName(reorders.due(new ReorderFilter(true, null, null), 0, 50, rep)
                                .content())
                        .keySet())
                .as("overdue only")
                .containsExactly(p + " 逾期九十");
        assertThat(reorders.due(ReorderFilter.none(), 0, 50, rep).content())
                .extracting(ReorderRow::nextExpectedOn)
                .isSorted();
    }

    @Test
    void repsSeeTheirOwnManagersTheirTeamsAndMyDayShowsTheTopOnes() {
        CurrentUser rep = f.freshRep();
        String name = CareFixtures.unique("米店客户");
        buyerDueIn(rep, name, 2);
        CurrentUser manager = f.user("manager");

        assertThat(myDay.of(rep).dueToReorder())
                .extracting(ReorderRow::customerName)
                .containsExactly(name);
        assertThat(mvc.get().uri("/my-day").with(user(users.loadUserByUsername(rep.username()))))
                .hasStatusOk()
                .bodyText()
                .contains(name, "/care/reorder");
        assertThat(mvc.get().uri("/care/reorder").with(user(users.loadUserByUsername(rep.username()))))
                .hasStatusOk()
                .bodyText()
                .contains(name, "/activities/new?customerId=");
        assertThat(mvc.get().uri("/care/reorder?within=60").with(user(users.loadUserByUsername("rep1"))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(name);
        assertThat(mvc.get().uri("/care/reorder?within=60").with(user(users.loadUserByUsername("rep3"))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(name);
        assertThat(mvc.get().uri("/care/reorder?ownerId=" + rep.id()).with(user(users.loadUserByUsername("manager"))))
                .hasStatusOk()
                .bodyText()
                .contains(name);
        assertThat(reorders.due(new ReorderFilter(false, null, rep.id()), 0, 50, manager)
                        .content())
                .extracting(ReorderRow::customerName)
                .containsExactly(name);
        assertThat(reorders.due(new ReorderFilter(false, null, rep.id()), 0, 50, f.user("manager2"))
                        .content())
                .as("another team's rep as the owner filter")
                .isEmpty();
        assertThat(mvc.get().uri("/care/reorder?ownerId=" + rep.id()).with(user(users.loadUserByUsername("manager2"))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(name);
        assertThat(mvc.get().uri("/care/reorder").with(user(users.loadUserByUsername("marketer1"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/care/reorder").with(user(users.loadUserByUsername("agent1"))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCustomerPageShowsThePurchaseRhythm() {
        CurrentUser rep = f.freshRep();
        long id = buyerDueIn(rep, CareFixtures.unique("节奏客户"), 5);

        assertThat(mvc.get()
                        .uri("/orders/for-customer/" + id)
                        .with(user(users.loadUserByUsername(rep.username())))
                        .header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("purchase-rhythm", "每 30 天一次");
        assertThat(mvc.get().uri("/orders/for-customer/" + id).with(user(users.loadUserByUsername("rep3"))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}

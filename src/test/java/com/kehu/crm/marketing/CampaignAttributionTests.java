package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.sales.LeadConverted;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Attribution against the real SQL: windows, booked orders only, one campaign per order under either rule. */
@IntegrationTest
class CampaignAttributionTests {

    static final LocalDate TOUCH = LocalDate.of(2025, 3, 10);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignAttribution attribution;

    @Autowired
    PurchaseHistory purchases;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    CampaignTestData data;

    @BeforeEach
    void setUp() {
        data = new CampaignTestData(jdbc, users, campaigns);
    }

    @Test
    void countsBookedOrdersFromTheTouchDayToTheLastDayOfTheWindow() {
        long campaign = data.campaign("窗口", 30);
        long customer = data.customer(CampaignTestData.unique("窗口客户"));
        data.touch(campaign, customer, TOUCH);
        data.order(customer, TOUCH.minusDays(1), "COMPLETED", "1", "0"); // before the touch
        data.order(customer, TOUCH, "CONFIRMED", "100", "60"); // day 0
        data.order(customer, TOUCH.plusDays(30), "SHIPPED", "200", "100"); // day N
        data.order(customer, TOUCH.plusDays(31), "COMPLETED", "400", "100"); // day N + 1
        data.order(customer, TOUCH.plusDays(5), "DRAFT", "800", "100");
        data.order(customer, TOUCH.plusDays(6), "CANCELLED", "1600", "100");

        CampaignPerformance p = attribution.of(campaign);

        assertThat(p.orders()).isEqualTo(2);
        assertThat(p.revenue()).isEqualByComparingTo("300");
        assertThat(p.margin()).isEqualByComparingTo("140");
        assertThat(p.attributionDays()).isEqualTo(30);
    }

    @Test
    void anOrderInTwoCampaignsWindowsCountsOnceUnderEitherRule() {
        long first = data.campaign("先", 60);
        long second = data.campaign("后", 60);
        long customer = data.customer(CampaignTestData.unique("两次接触"));
        data.touch(first, customer, TOUCH);
        data.touch(second, customer, TOUCH.plusDays(10));
        data.order(customer, TOUCH.plusDays(5), "COMPLETED", "100", "50"); // only the first had touched
        data.order(customer, TOUCH.plusDays(20), "COMPLETED", "1000", "500"); // both windows
        data.order(customer, TOUCH.plusDays(65), "COMPLETED", "10000", "5000"); // only the second's window

        Map<Long, CampaignPerformance> last = attribution.of(List.of(first, second), AttributionRule.LAST_TOUCH);
        assertThat(last.get(first).revenue()).isEqualByComparingTo("100");
        assertThat(last.get(second).revenue()).isEqualByComparingTo("11000");

        Map<Long, CampaignPerformance> firstTouch = attribution.of(List.of(first, second), AttributionRule.FIRST_TOUCH);
        assertThat(firstTouch.get(first).revenue()).isEqualByComparingTo("1100");
        assertThat(firstTouch.get(second).revenue()).isEqualByComparingTo("10000");

        for (Map<Long, CampaignPerformance> result : List.of(last, firstTouch)) {
            BigDecimal sum = result.get(first).revenue().add(result.get(second).revenue());
            assertThat(sum).isEqualByComparingTo("11100");
            assertThat(result.get(first).orders() + result.get(second).orders()).isEqualTo(3);
        }
    }

    @Test
    void touchesOnTheSameDayGoToOneCampaignByItsId() {
        long a = data.campaign("同日甲", 30);
        long b = data.campaign("同日乙", 30);
        long customer = data.customer(CampaignTestData.unique("同日"));
        data.touch(a, customer, TOUCH);
        data.touch(b, customer, TOUCH);
        data.order(customer, TOUCH.plusDays(1), "COMPLETED", "500", "100");

        Map<Long, CampaignPerformance> result = attribution.of(List.of(a, b), AttributionRule.LAST_TOUCH);

        assertThat(result.get(a).orders() + result.get(b).orders()).isEqualTo(1);
        assertThat(result.get(Math.max(a, b)).orders()).isEqualTo(1);
    }

    @Test
    void aCustomerWhoIsAMemberTwiceCountsOnceFromTheEarlierTouch() {
        long campaign = data.campaign("两次成员", 30);
        long customer = data.customer(CampaignTestData.unique("联系人客户"));
        long contact = jdbc.sql("""
                        insert into contact (id, customer_id, name) values (nextval('contact_seq'), :c, '王经理')
                        returning id""").param("c", customer).query(Long.class).single();
        CurrentUser marketer = data.user("marketer1");
        data.touch(campaign, customer, TOUCH.plusDays(3));
        long asContact = campaigns.addContact(campaign, contact, marketer);
        campaigns.respond(campaign, asContact, CampaignMemberStatus.RESPONDED, TOUCH, marketer);
        data.order(customer, TOUCH.plusDays(1), "COMPLETED", "700", "200");

        CampaignPerformance p = attribution.of(campaign);

        assertThat(p.orders()).isEqualTo(1);
        assertThat(p.revenue()).isEqualByComparingTo("700");
    }

    @Test
    void aConvertedProspectBringsItsCustomersOrdersAndCountsAsALeadAndANewCustomer() {
        long campaign = data.campaign("转化", 30);
        CurrentUser marketer = data.user("marketer1");
        long member =
                campaigns.addProspect(campaign, new CampaignProspect("周伟", "精工机械", "13912345678", null), marketer);
        campaigns.respond(campaign, member, CampaignMemberStatus.ATTENDED, TOUCH, marketer);
        long lead = campaigns.convertToLead(campaign, member, marketer);
        long customer = data.customer(CampaignTestData.unique("转化客户"));
        data.order(customer, TOUCH.plusDays(8), "COMPLETED", "2500", "1000");
        assertThat(attribution.of(campaign).orders()).isZero();

        transactions.executeWithoutResult(s -> {
            events.publishEvent(new LeadConverted(lead, customer, marketer.id()));
            purchases.refresh(List.of(customer));
        });
        jdbc.sql("update campaign set spent = 1000 where id = :id")
                .param("id", campaign)
                .update();

        CampaignPerformance p = attribution.of(campaign);
        assertThat(p.orders()).isEqualTo(1);
        assertThat(p.margin()).isEqualByComparingTo("1500");
        assertThat(p.leads()).isEqualTo(1);
        assertThat(p.customersWon()).isEqualTo(1);
        assertThat(p.roi()).isEqualByComparingTo("0.5");
        assertThat(p.costPerLead()).isEqualByComparingTo("1000");
    }

    @Test
    void aCampaignWithoutTouchesOrCostHasZerosAndNoRoi() {
        long campaign = data.campaign("空", 30);
        CampaignPerformance p = attribution.of(campaign);
        assertThat(p.orders()).isZero();
        assertThat(p.revenue()).isEqualByComparingTo("0");
        assertThat(p.cost()).isEqualByComparingTo("0");
        assertThat(p.roi()).isNull();
        assertThat(p.rule()).isEqualTo(AttributionRule.LAST_TOUCH);
    }
}

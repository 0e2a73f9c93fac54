package com.kehu.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The running totals behind the board and the forecast (V6's statement trigger) always equal a direct aggregation
 * over the deals, whatever happened to them: opening, edits, stage moves, wins, losses, reopening, reassignment, a
 * bulk update and deletion.
 */
@IntegrationTest
class PipelineTotalsTests {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    CustomerService customers;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Test
    void runningTotalsMatchTheDealsAfterEveryKindOfChange() {
        CurrentUser rep = user("rep1");
        CurrentUser manager = user("manager");
        long customer = customers.register(
                new RegisterCustomer(
                        CustomerKind.ENTERPRISE,
                        null,
                        new CustomerDetailsData(
                                "合计测试公司",
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
                rep);
        long a = open(customer, "甲", "1000.10", "2031-01-15", null, rep);
        long b = open(customer, "乙", "2500", "2031-02-01", 40, rep);
        long c = open(customer, "丙", "999.99", "2031-02-28", null, rep);
        long d = open(customer, "丁", "5000", "2031-03-10", null, rep);
        assertConsistent();

        opportunities.update(
                a,
                0,
                new OpportunityData(
                        "甲改",
                        new BigDecimal("1500.55"),
                        "USD",
                        LocalDate.parse("2031-04-01"),
                        OpportunityType.UP_SELL,
                        35,
                        null,
                        null),
                rep);
        opportunities.moveTo(b, PipelineStage.PROPOSAL, null, rep);
        opportunities.moveTo(b, PipelineStage.WON, null, rep);
        opportunities.moveTo(c, PipelineStage.LOST, "预算取消", rep);
        opportunities.moveTo(c, PipelineStage.QUALIFICATION, null, rep);
        opportunities.reassign(d, user("rep2").id(), manager);
        assertConsistent();

        jdbc.sql("update opportunity set owner_id = ? where owner_id = ? and closed_on is null and customer_id = ?")
                .params(user("rep2").id(), rep.id(), customer)
                .update();
        assertConsistent();

        jdbc.sql(
                        "delete from opportunity_stage_change where opportunity_id in (select id from opportunity where customer_id = ?)")
                .param(customer)
                .update();
        jdbc.sql("delete from opportunity where customer_id = ?")
                .param(customer)
                .update();
        assertConsistent();
    }

    private long open(long customer, String name, String amount, String close, Integer probability, CurrentUser user) {
        return opportunities.open(
                new NewOpportunity(
                        customer,
                        new OpportunityData(
                                name,
                                new BigDecimal(amount),
                                "CNY",
                                LocalDate.parse(close),
                                OpportunityType.NEW_BUSINESS,
                                probability,
                                null,
                                null),
                        null,
                        null),
                user);
    }

    private void assertConsistent() {
        List<String> openDiff = jdbc.sql("""
                        (select owner_id, stage, currency, count(*)::bigint, sum(amount), sum(amount * probability)
                         from opportunity where closed_on is null group by 1, 2, 3
                         except
                         select owner_id, stage, currency, deals, amount, weighted100
                         from opportunity_open_total where deals <> 0)
                        union all
                        (select owner_id, stage, currency, deals, amount, weighted100
                         from opportunity_open_total where deals <> 0
                         except
                         select owner_id, stage, currency, count(*)::bigint, sum(amount), sum(amount * probability)
                         from opportunity where closed_on is null group by 1, 2, 3)""")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
                .list();
        assertThat(openDiff).as("open totals differ from the deals").isEmpty();
        List<String> monthDiff = jdbc.sql("""
                        with direct as (
                            select owner_id, month, currency, sum(open_deals)::bigint as open_deals,
                                   sum(pipeline) as pipeline, sum(weighted100) as weighted100,
                                   sum(won_deals)::bigint as won_deals, sum(won) as won
                            from (select owner_id, date_trunc('month', expected_close_date)::date as month, currency,
                                         1 as open_deals, amount as pipeline, amount * probability as weighted100,
                                         0 as won_deals, 0 as won
                                  from opportunity where closed_on is null
                                  union all
                                  select owner_id, date_trunc('month', closed_on)::date, currency, 0, 0, 0, 1, amount
                                  from opportunity where stage = 'WON') d
                            group by 1, 2, 3),
                        kept as (
                            select owner_id, month, currency, open_deals, pipeline, weighted100, won_deals, won
                            from opportunity_month_total where open_deals <> 0 or won_deals <> 0)
                        (select * from direct except select * from kept)
                        union all
                        (select * from kept except select * from direct)""")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
                .list();
        assertThat(monthDiff).as("month totals differ from the deals").isEmpty();
    }
}

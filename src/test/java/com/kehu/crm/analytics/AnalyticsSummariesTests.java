package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The reports read the per-owner summaries a refresh stores (and the stored Pareto figures of everyone, a team, an
 * owner): their answers must equal the live aggregation over customer_metrics for every kind of reader, for a set of
 * owners no reader has (the live fallback), and for a VIP share changed since the refresh.
 */
@IntegrationTest
class AnalyticsSummariesTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    @Autowired
    AnalyticsQueries queries;

    @Autowired
    SatisfactionReport satisfaction;

    @Autowired
    CustomerAccess access;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvcTester mvc;

    static final RecursiveComparisonConfiguration NUMBERS = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .build();

    long customer(String owner) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '汇总测试', 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "SU-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    void order(long customer, LocalDate date, String status, String amount, String cost) {
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, created_by)
                        values (nextval('sales_order_seq'), :number, :customer, :date, 'CNY', :status, :amount,
                                :cost, (select id from app_user where username = 'rep1'))""")
                .param("number", "SU" + UUID.randomUUID().toString().substring(0, 12))
                .param("customer", customer)
                .param("date", date)
                .param("status", status)
                .param("amount", new BigDecimal(amount))
                .param("cost", new BigDecimal(cost))
                .update();
    }

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @BeforeEach
    void someCustomersOfEveryKindAndARefresh() {
        LocalDate today = LocalDate.now();
        String[] owners = {"rep1", "rep2", "rep3", "manager", "manager2"};
        for (int i = 0; i < 15; i++) {
            long c = customer(owners[i % owners.length]);
            // varied histories: recent and lapsed, frequent and single, profitable and not, some never buying
            for (int k = 0; k < i % 6; k++) {
                order(
                        c,
                        today.minusDays(40L * k + 3L * i + 1),
                        "COMPLETED",
                        (1000 + 250 * i) + ".00",
                        (i % 4 == 0 ? 1400 + 250 * i : 300 + 50 * k) + ".00");
            }
            if (i % 5 == 2) {
                order(c, today.minusDays(500 + i), "COMPLETED", "800.00", "200.00");
            }
            order(c, today.minusDays(i), "CANCELLED", "99999.00", "1.00");
        }
        long id = refresh.request(null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> !refresh.status(id).orElseThrow().status().matches("QUEUED|RUNNING"));
        assertThat(refresh.status(id).orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void everyReportFromTheSummariesEqualsTheLiveAggregationForEveryReader() {
        for (String name : List.of("admin", "manager", "manager2", "rep1", "rep3", "marketer1")) {
            CurrentUser reader = user(name);
            OwnerScope scope = access.readScope(reader);
            assertThat(queries.valueTiers(reader, AnalyticsParameters.DEFAULTS))
                    .as(name)
                    .usingRecursiveComparison(NUMBERS)
                    .isEqualTo(queries.liveValueTiers(scope, AnalyticsParameters.DEFAULTS.vipShare()));
            assertThat(queries.rfm(reader))
                    .as(name)
                    .usingRecursiveComparison(NUMBERS)
                    .isEqualTo(queries.liveRfm(scope));
            for (AnalyticsQueries.Dimension dimension : AnalyticsQueries.Dimension.values()) {
                assertThat(queries.counts(reader, dimension))
                        .as(name + " " + dimension)
                        .isEqualTo(queries.liveCounts(scope, dimension));
            }
            assertThat(queries.churn(reader)).as(name).isEqualTo(queries.liveChurn(scope));
        }
        // the reports are not empty: every reader kind above saw customers
        assertThat(queries.churn(user("rep3")).buyers()).isPositive();
        assertThat(queries.valueTiers(user("manager"), AnalyticsParameters.DEFAULTS)
                        .pareto()
                        .profitShareOfTop())
                .isNotNull();
    }

    @Test
    void aSetOfOwnersNoTeamHasAndAChangedVipShareAreComputedLive() {
        OwnerScope across = OwnerScope.of(Set.of(userId("rep1"), userId("rep3")));
        BigDecimal share = AnalyticsParameters.DEFAULTS.vipShare();
        assertThat(queries.valueTiers(across, share))
                .usingRecursiveComparison(NUMBERS)
                .isEqualTo(queries.liveValueTiers(across, share));
        BigDecimal other = new BigDecimal("0.35");
        for (OwnerScope scope : List.of(OwnerScope.everyone(), across, OwnerScope.of(Set.of(userId("rep2"))))) {
            assertThat(queries.valueTiers(scope, other))
                    .usingRecursiveComparison(NUMBERS)
                    .isEqualTo(queries.liveValueTiers(scope, other));
        }
    }

    @Test
    void theSalesTrendCountsCompletedOrdersPerMonthWithinTheReadersCustomers() {
        LocalDate first = LocalDate.now().withDayOfMonth(1).minusMonths(5);
        for (String name : List.of("admin", "manager2", "rep1")) {
            CurrentUser reader = user(name);
            OwnerScope scope = access.readScope(reader);
            List<AnalyticsQueries.MonthSales> trend = queries.salesTrend(reader, 6);
            assertThat(trend).hasSize(6);
            assertThat(trend.get(0).month()).isEqualTo(first);
            assertThat(trend.get(5).month()).isEqualTo(LocalDate.now().withDayOfMonth(1));
            for (AnalyticsQueries.MonthSales month : trend) {
                var live = jdbc.sql("""
                                select count(*), coalesce(sum(o.total_amount), 0),
                                       coalesce(sum(o.total_amount - o.cost_amount), 0)
                                from sales_order o join customer c on c.id = o.customer_id
                                where o.status = 'COMPLETED' and o.order_date >= :from and o.order_date < :to
                                  and (:all or c.owner_id = any(:owners))""")
                        .param("from", month.month())
                        .param("to", month.month().plusMonths(1))
                        .param("all", scope.all())
                        .param("owners", scope.ownerIdArray())
                        .query((rs, n) -> new AnalyticsQueries.MonthSales(
                                month.month(), rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                        .single();
                assertThat(month)
                        .as(name + " " + month.month())
                        .usingRecursiveComparison(NUMBERS)
                        .isEqualTo(live);
            }
        }
        // this month, rep3 has at least the orders set up above (the cancelled ones not counted)
        assertThat(queries.salesTrend(user("rep3"), 1).get(0).revenue()).isLessThan(new BigDecimal("99999"));
    }

    @Test
    void theSalesTrendApiAnswersTheAskedMonthsAndRefusesOtherCounts() {
        assertThat(mvc.get().uri("/api/v1/analytics/sales-trend?months=3").with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.months.length()")
                .isEqualTo(3);
        assertThat(mvc.get().uri("/api/v1/analytics/sales-trend?months=0").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theComplaintRateCountsTheCompletedOrdersOfThePeriodFromTheDailySales() {
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusDays(90);
        for (String name : List.of("admin", "manager", "rep3")) {
            OwnerScope scope = access.readScope(user(name));
            long live = jdbc.sql("""
                            select count(*) from sales_order o join customer c on c.id = o.customer_id
                            where o.status = 'COMPLETED' and o.order_date between :from and :to
                              and (:all or c.owner_id = any(:owners))""")
                    .param("from", from)
                    .param("to", to)
                    .param("all", scope.all())
                    .param("owners", scope.ownerIdArray())
                    .query(Long.class)
                    .single();
            assertThat(satisfaction.report(from, to, user(name)).complaints().completedOrders())
                    .as(name)
                    .isEqualTo(live)
                    .isPositive();
        }
    }
}

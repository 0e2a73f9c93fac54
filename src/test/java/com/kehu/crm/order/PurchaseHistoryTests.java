package com.kehu.crm.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The purchase facts behind reorder reminders, segments and win-back: counted per purchase day, median gaps. */
@IntegrationTest
class PurchaseHistoryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PurchaseHistory history;

    @Autowired
    TransactionTemplate tx;

    long customer() {
        long owner = jdbc.sql("select id from app_user where username = 'rep1'")
                .query(Long.class)
                .single();
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '复购测试', 'B2B', 'ORDINARY', 'ACTUAL', :owner)""")
                .param("id", id)
                .param("code", "PH-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    void order(long customer, String date, String status, String amount, String cost) {
        long owner = jdbc.sql("select id from app_user where username = 'rep1'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, created_by)
                        values (nextval('sales_order_seq'), :number, :customer, :date, 'CNY', :status, :amount, :cost,
                                :owner)""")
                .param("number", "PH" + UUID.randomUUID().toString().substring(0, 12))
                .param("customer", customer)
                .param("date", LocalDate.parse(date))
                .param("status", status)
                .param("amount", new BigDecimal(amount))
                .param("cost", new BigDecimal(cost))
                .param("owner", owner)
                .update();
    }

    @Test
    void countsPurchaseDaysAndTakesTheMedianGapForTheNextExpectedPurchase() {
        long customer = customer();
        order(customer, "2026-01-01", "COMPLETED", "100.00", "60.00");
        order(customer, "2026-01-01", "COMPLETED", "50.00", "30.00"); // same day: one purchase
        order(customer, "2026-01-31", "COMPLETED", "200.00", "150.00"); // gap 30
        order(customer, "2026-03-02", "COMPLETED", "100.00", "70.00"); // gap 30
        order(customer, "2026-06-30", "COMPLETED", "100.00", "70.00"); // gap 120: an outlier the median ignores
        order(customer, "2026-07-10", "CANCELLED", "999.00", "0.00");
        order(customer, "2026-07-11", "CONFIRMED", "999.00", "0.00");

        tx.executeWithoutResult(s -> history.refresh(List.of(customer)));

        PurchaseSummary summary = history.of(customer).orElseThrow();
        assertThat(summary.completedOrders()).isEqualTo(5);
        assertThat(summary.purchaseDays()).isEqualTo(4);
        assertThat(summary.firstOrderOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(summary.lastOrderOn()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(summary.totalAmount()).isEqualByComparingTo("550.00");
        assertThat(summary.totalMargin()).isEqualByComparingTo("170.00");
        assertThat(summary.medianIntervalDays()).isEqualByComparingTo("30.0");
        assertThat(summary.nextExpectedOn()).isEqualTo(LocalDate.of(2026, 7, 30));
    }

    @Test
    void anEvenNumberOfGapsAveragesTheMiddleTwoAndRoundsTheDueDateUp() {
        long customer = customer();
        order(customer, "2026-01-01", "COMPLETED", "10.00", "5.00");
        order(customer, "2026-01-11", "COMPLETED", "10.00", "5.00"); // 10
        order(customer, "2026-01-26", "COMPLETED", "10.00", "5.00"); // 15
        tx.executeWithoutResult(s -> history.refresh(List.of(customer)));

        PurchaseSummary summary = history.of(customer).orElseThrow();
        assertThat(summary.medianIntervalDays()).isEqualByComparingTo("12.5");
        assertThat(summary.nextExpectedOn()).isEqualTo(LocalDate.of(2026, 2, 8)); // 26 Jan + 13
    }

    @Test
    void aSingleBuyerHasNoRhythmYetAndACustomerWithoutPurchasesHasNoRow() {
        long once = customer();
        long never = customer();
        order(once, "2026-05-05", "COMPLETED", "10.00", "5.00");
        order(never, "2026-05-05", "DRAFT", "10.00", "5.00");
        tx.executeWithoutResult(s -> history.refresh(List.of(once, never)));

        PurchaseSummary summary = history.of(once).orElseThrow();
        assertThat(summary.purchaseDays()).isEqualTo(1);
        assertThat(summary.medianIntervalDays()).isNull();
        assertThat(summary.nextExpectedOn()).isNull();
        assertThat(history.of(never)).isEmpty();
    }

    @Test
    void theSetBasedRebuildAgreesWithTheOneCustomerRefresh() {
        long customer = customer();
        order(customer, "2025-03-01", "COMPLETED", "80.00", "20.00");
        order(customer, "2025-04-15", "COMPLETED", "80.00", "20.00");
        tx.executeWithoutResult(s -> history.refresh(List.of(customer)));
        PurchaseSummary one = history.of(customer).orElseThrow();

        history.rebuildAll();

        assertThat(history.of(customer)).contains(one);
    }
}

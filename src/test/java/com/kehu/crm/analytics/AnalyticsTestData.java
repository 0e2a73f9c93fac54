package com.kehu.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers with completed orders written straight into the tables, and a metrics refresh waited for: what the
 * analytics tests (API, screens, browser) need before they can read classes. Each caller chooses codes and amounts that
 * keep its data apart from other tests' in the shared database.
 */
public final class AnalyticsTestData {

    private final JdbcClient jdbc;

    public AnalyticsTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live enterprise customer owned by {@code owner} (a username). */
    public long customer(String owner, String code, String name) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', :name, 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", code)
                .param("name", name)
                .param("owner", owner)
                .update();
        return id;
    }

    /** A completed order (a purchase) of {@code customer} on {@code date}. */
    public long order(long customer, LocalDate date, String amount, String cost) {
        long id =
                jdbc.sql("select nextval('sales_order_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, created_by)
                        values (:id, :number, :customer, :date, 'CNY', 'COMPLETED', :amount, :cost,
                                (select id from app_user where username = 'rep1'))""")
                .param("id", id)
                .param("number", "AT" + UUID.randomUUID().toString().substring(0, 12))
                .param("customer", customer)
                .param("date", date)
                .param("amount", new BigDecimal(amount))
                .param("cost", new BigDecimal(cost))
                .update();
        return id;
    }

    /** Requests a metrics refresh of every customer and waits until it is done. */
    public static void refresh(MetricsRefresh refresh) {
        long id = refresh.request(null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> !refresh.status(id).orElseThrow().status().matches("QUEUED|RUNNING"));
        assertThat(refresh.status(id).orElseThrow().status()).isEqualTo("DONE");
    }
}

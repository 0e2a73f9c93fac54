package com.kehu.crm.order.demo;

import com.kehu.crm.customer.CustomerPurchaseCounts;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.shared.time.BusinessCalendar;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: on the first start with customers but no orders (after the customer seeder, order 20, and the
 * pipeline, order 30), generates the demo order history, then the customers' completed-order counts and statuses and
 * their purchase facts (so reorder reminders and care gifts work from the first start).
 */
@Component
@Order(35)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@ConditionalOnBooleanProperty(name = "crm.demo.orders", matchIfMissing = true)
@RequiredArgsConstructor
class DemoOrderSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrderSeeder.class);

    private final JdbcClient jdbc;
    private final DemoOrderHistory history;
    private final CustomerPurchaseCounts counts;
    private final PurchaseHistory purchases;
    private final BusinessCalendar calendar;

    @Override
    public void run(ApplicationArguments args) {
        boolean needed = jdbc.sql("select exists (select 1 from customer) and not exists (select 1 from sales_order)")
                .query(Boolean.class)
                .single();
        if (!needed) {
            return;
        }
        long started = System.nanoTime();
        history.ensureProducts();
        int orders = history.generate(calendar.today(), null);
        int customers = counts.syncFromCompletedOrders();
        int facts = purchases.rebuildAll();
        log.info(
                "Generated {} demo orders; {} customers updated, {} purchase histories, in {} ms",
                orders,
                customers,
                facts,
                (System.nanoTime() - started) / 1_000_000);
    }
}

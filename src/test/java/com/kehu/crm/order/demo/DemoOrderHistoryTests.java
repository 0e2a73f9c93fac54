package com.kehu.crm.order.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerPurchaseCounts;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo order history (the seeder itself is off in tests): generated for the test's own customers, it is
 * consistent with itself, with the customers' counts and statuses and with their purchase facts.
 */
@IntegrationTest
class DemoOrderHistoryTests {

    @Autowired
    DemoOrderHistory generator;

    @Autowired
    CustomerPurchaseCounts counts;

    @Autowired
    PurchaseHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    long customerOf(String username, String status) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        select :id, :code, 'INDIVIDUAL', :name, 'CONSUMER', 'ORDINARY', :status, u.id
                        from app_user u where u.username = :username""")
                .param("id", id)
                .param("code", "DOH-" + UUID.randomUUID().toString().substring(0, 12))
                .param("name", "演示订单客户 " + id)
                .param("status", status)
                .param("username", username)
                .update();
        return id;
    }

    @Test
    void generatesConsistentRhythmicHistoriesForAboutFortyPercentOfTheRepsCustomers() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            customers.add(customerOf(i % 2 == 0 ? "rep1" : "rep3", i % 3 == 0 ? "POTENTIAL" : "TARGET"));
        }
        List<Long> managers = List.of(customerOf("manager", "TARGET"), customerOf("manager", "TARGET"));
        List<Long> all = new ArrayList<>(customers);
        all.addAll(managers);

        generator.ensureProducts();
        assertThat(jdbc.sql("""
                        select string_agg(p.code || '=' || coalesce(pc.code, '-'), ',' order by p.code)
                        from product p left join product_category pc on pc.id = p.category_id
                        where p.code in ('DEMO-RICE-10', 'DEMO-TEA-250', 'DEMO-PAPER-A4')""").query(String.class).single())
                .as("the demo price list has categories")
                .isEqualTo("DEMO-PAPER-A4=OFFICE,DEMO-RICE-10=FOOD,DEMO-TEA-250=BEVERAGE");
        int orders = generator.generate(today, all);
        int changed = counts.syncFromCompletedOrders(all);
        tx.executeWithoutResult(s -> history.refresh(all));

        List<Map<String, Object>> buyers =
                jdbc.sql("""
                        select c.id, c.status, c.completed_orders, count(o.id) as orders, min(o.order_date) as first_on,
                               max(o.order_date) as last_on, bool_and(o.status = 'COMPLETED') as all_completed,
                               p.completed_orders as facts_orders
                        from customer c join sales_order o on o.customer_id = c.id
                        left join customer_purchase p on p.customer_id = c.id
                        where c.id = any(:ids) group by c.id, p.completed_orders""").param("ids", all.toArray(Long[]::new)).query().listOfRows();
        assertThat(buyers).as("about 40% of 60").hasSizeBetween(12, 36);
        assertThat(changed).isEqualTo(buyers.size());
        assertThat(orders)
                .isEqualTo(buyers.stream()
                        .mapToInt(b -> ((Number) b.get("orders")).intValue())
                        .sum());
        for (Map<String, Object> b : buyers) {
            int n = ((Number) b.get("orders")).intValue();
            assertThat(n).isBetween(1, 12);
            assertThat(b.get("all_completed")).isEqualTo(true);
            assertThat(b.get("status")).isEqualTo("ACTUAL");
            assertThat(((Number) b.get("completed_orders")).intValue()).isEqualTo(n);
            assertThat(((Number) b.get("facts_orders")).intValue()).isEqualTo(n);
            LocalDate first = ((java.sql.Date) b.get("first_on")).toLocalDate();
            LocalDate last = ((java.sql.Date) b.get("last_on")).toLocalDate();
            assertThat(first).isAfter(today.minusDays(730));
            assertThat(last).isBeforeOrEqualTo(today);
        }
        assertThat(jdbc.sql("select count(*) from sales_order where customer_id = any(:ids)")
                        .param("ids", managers.toArray(Long[]::new))
                        .query(Long.class)
                        .single())
                .as("only the reps' customers")
                .isZero();

        Map<String, Object> consistency =
                jdbc.sql("""
                        select count(*) filter (where o.total_amount <> l.net) as wrong_lines,
                               count(*) filter (where o.cost_amount <> l.cost) as wrong_costs,
                               count(*) filter (where o.paid_amount <> coalesce(pay.amount, 0)) as wrong_payments,
                               count(*) filter (where h.changes <> 3) as wrong_history
                        from sales_order o
                        join (select order_id, sum(net_amount) as net, sum(quantity * unit_cost) as cost
                              from order_line group by order_id) l on l.order_id = o.id
                        left join (select order_id, sum(amount) as amount from payment group by order_id) pay
                            on pay.order_id = o.id
                        join (select order_id, count(*) as changes from order_status_change group by order_id) h
                            on h.order_id = o.id
                        where o.customer_id = any(:ids)""").param("ids", all.toArray(Long[]::new)).query().singleRow();
        assertThat(consistency.values())
                .allSatisfy(v -> assertThat(((Number) v).longValue()).isZero());

        long withRhythm = jdbc.sql("""
                        select count(*) from customer_purchase
                        where customer_id = any(:ids) and median_interval_days between 15 and 95""")
                .param("ids", all.toArray(Long[]::new))
                .query(Long.class)
                .single();
        assertThat(withRhythm)
                .as("repeat buyers buy every 20-90 days, give or take the noise")
                .isPositive();
        assertThat(generator.generate(today, List.of())).isZero();
    }
}

package com.kehu.crm.order;

import java.time.Clock;
import java.util.Collection;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code customer_purchase} (V18) true: one customer's row is recomputed from their completed orders in the
 * transaction that completes an order, and {@link #rebuildAll()} recomputes everyone's in one set-based statement
 * after a bulk load (demo data, imports). Both use the same SQL, so the two paths cannot disagree.
 */
@Component
@RequiredArgsConstructor
public class PurchaseHistory {

    /**
     * The facts of the customers chosen by {@code :scope} ("all" or "ids"). A purchase day is a distinct order date;
     * the median gap between consecutive purchase days gives the expected next purchase.
     */
    private static final String FACTS = """
            with days as (
                select customer_id, order_date, count(*) as orders, sum(total_amount) as amount,
                       sum(total_amount - cost_amount) as margin
                from sales_order
                where status = 'COMPLETED' and (:all or customer_id = any(:ids))
                group by customer_id, order_date
            ), gaps as (
                select customer_id,
                       order_date - lag(order_date) over (partition by customer_id order by order_date) as gap
                from days
            ), medians as (
                select customer_id, percentile_cont(0.5) within group (order by gap) as median
                from gaps where gap is not null group by customer_id
            ), totals as (
                select customer_id, sum(orders) as orders, count(*) as purchase_days, min(order_date) as first_on,
                       max(order_date) as last_on, sum(amount) as amount, sum(margin) as margin
                from days group by customer_id
            )
            select t.customer_id, t.orders, t.purchase_days, t.first_on, t.last_on, t.amount, t.margin,
                   round(m.median::numeric, 1) as median,
                   t.last_on + ceil(m.median)::integer as next_on
            from totals t left join medians m on m.customer_id = t.customer_id
            """;

    private static final String UPSERT = """
            insert into customer_purchase (customer_id, completed_orders, purchase_days, first_order_on, last_order_on,
                                           total_amount, total_margin, median_interval_days, next_expected_on,
                                           refreshed_at)
            select f.*, :now from (""" + FACTS + """
            ) f
            on conflict (customer_id) do update set
                completed_orders = excluded.completed_orders, purchase_days = excluded.purchase_days,
                first_order_on = excluded.first_order_on, last_order_on = excluded.last_order_on,
                total_amount = excluded.total_amount, total_margin = excluded.total_margin,
                median_interval_days = excluded.median_interval_days, next_expected_on = excluded.next_expected_on,
                refreshed_at = excluded.refreshed_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Recomputes the given customers' rows, in the caller's transaction (required: it runs with the change). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        Long[] ids = customerIds.toArray(Long[]::new);
        jdbc.sql(UPSERT)
                .param("all", false)
                .param("ids", ids)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        // a customer whose only completed order was taken back has no purchases any more
        jdbc.sql("""
                        delete from customer_purchase p where p.customer_id = any(:ids) and not exists (
                            select 1 from sales_order o where o.customer_id = p.customer_id and o.status = 'COMPLETED')
                        """).param("ids", ids).update();
    }

    /** Recomputes every customer's row in one transaction: minutes at 10M orders, so call it from background work. */
    @Transactional
    public int rebuildAll() {
        jdbc.sql("delete from customer_purchase").update();
        return jdbc.sql(UPSERT)
                .param("all", true)
                .param("ids", new Long[0])
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** One customer's facts, if they have bought anything. */
    @Transactional(readOnly = true)
    public java.util.Optional<PurchaseSummary> of(long customerId) {
        return jdbc.sql("""
                        select completed_orders, purchase_days, first_order_on, last_order_on, total_amount,
                               total_margin, median_interval_days, next_expected_on
                        from customer_purchase where customer_id = :id
                        """)
                .param("id", customerId)
                .query((rs, n) -> new PurchaseSummary(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getObject(3, java.time.LocalDate.class),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getObject(8, java.time.LocalDate.class)))
                .optional();
    }
}

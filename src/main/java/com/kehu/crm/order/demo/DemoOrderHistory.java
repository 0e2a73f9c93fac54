package com.kehu.crm.order.demo;

import java.time.LocalDate;
import java.util.Collection;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates a demo order history, set-based (a million customers take one statement, no per-row JPA): about 40% of
 * the customers owned by rep1, rep2 and rep3 get 1-12 completed orders over the last two years, each customer with
 * their own rhythm (every 20-90 days, ±2 days of noise) and always the same product (王永庆's rice). One in ten has
 * lapsed (last purchase 200-500 days ago); a third of rep1's are due to reorder this week, so the reminders have
 * something to show. Every order has one line, a payment and its status history, consistent with the order's totals
 * and the CHECK constraints. Deterministic: everything derives from hashes of the customer id.
 */
@Component
@RequiredArgsConstructor
class DemoOrderHistory {

    static final String PRODUCT_PREFIX = "DEMO-";

    private final JdbcClient jdbc;

    /** The demo price list, unless it is there already, and its products' categories (V33). */
    @Transactional
    public void ensureProducts() {
        jdbc.sql("""
                        insert into product (id, code, name, unit, list_price, unit_cost, currency)
                        values (nextval('product_seq'), 'DEMO-RICE-10', '东北大米 10kg', '袋', 89.00, 62.00, 'CNY'),
                               (nextval('product_seq'), 'DEMO-OIL-5', '花生油 5L', '桶', 129.00, 95.00, 'CNY'),
                               (nextval('product_seq'), 'DEMO-TEA-250', '龙井茶 250g', '盒', 268.00, 150.00, 'CNY'),
                               (nextval('product_seq'), 'DEMO-PAPER-A4', 'A4 复印纸', '箱', 156.00, 118.00, 'CNY'),
                               (nextval('product_seq'), 'DEMO-INK-BK', '打印机墨盒 黑色', '个', 219.00, 140.00, 'CNY'),
                               (nextval('product_seq'), 'DEMO-WATER-19', '桶装水 19L', '桶', 28.00, 16.00, 'CNY')
                        on conflict (code) do nothing""").update();
        jdbc.sql("""
                        update product p set category_id = pc.id
                        from product_category pc
                        where p.category_id is null and pc.code = case p.code
                            when 'DEMO-RICE-10' then 'FOOD' when 'DEMO-OIL-5' then 'FOOD'
                            when 'DEMO-TEA-250' then 'BEVERAGE' when 'DEMO-WATER-19' then 'BEVERAGE'
                            when 'DEMO-PAPER-A4' then 'OFFICE' when 'DEMO-INK-BK' then 'OFFICE' end""").update();
    }

    /**
     * Orders for the chosen customers among {@code customerIds} (null: all customers), dated up to {@code today};
     * returns the number of orders created. The caller then syncs the customers' counts and the purchase facts.
     */
    @Transactional
    public int generate(LocalDate today, @Nullable Collection<Long> customerIds) {
        return jdbc.sql("""
                        with prods as (
                            select array_agg(id order by code) as ids from product
                            where code like :prefix and active
                        ), plan as (
                            select c.id as customer_id, c.owner_id, x.h,
                                   case when x.h % 12 = 0 then 1 else 2 + x.h % 11 end as n,
                                   20 + x.h % 71 as r,
                                   case when x.h % 10 = 1 then 200 + x.h % 300
                                        when u.username = 'rep1' and x.h % 3 = 0 then 20 + x.h % 71 - x.h % 7
                                        else x.h % (20 + x.h % 71 + 30) end as last_ago
                            from customer c join app_user u on u.id = c.owner_id
                            cross join lateral (select (hashtext('orders:' || c.id) & 2147483647) as h) x
                            where u.username in ('rep1', 'rep2', 'rep3') and not c.archived
                              and (:all or c.id = any(:ids)) and (hashtext('pick:' || c.id) & 2147483647) % 10 < 4
                        ), dated as (
                            select p.customer_id, p.owner_id,
                                   :today - p.last_ago - k * p.r
                                       + case when k = 0 then 0 else (hashtext(p.customer_id || ':' || k) & 2147483647) % 5 - 2 end
                                       as order_date,
                                   prods.ids[1 + p.h % cardinality(prods.ids)] as product_id
                            from plan p cross join prods cross join lateral generate_series(0, p.n - 1) k
                            where cardinality(prods.ids) > 0
                        ), priced as (
                            select d.*, 1 + (hashtext('qty:' || d.customer_id || ':' || d.order_date) & 2147483647) % 20 as qty,
                                   pr.list_price, pr.unit_cost, nextval('sales_order_number_seq')::text as number
                            from dated d join product pr on pr.id = d.product_id
                            where d.order_date > :today - 730
                        ), orders as (
                            insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                     total_amount, cost_amount, paid_amount, created_by, created_at,
                                                     updated_at)
                            select nextval('sales_order_seq'),
                                   -- SO2026000123 as OrderService writes them (%06d: at least six digits)
                                   'SO' || extract(year from p.order_date)::integer
                                       || lpad(p.number, greatest(6, length(p.number)), '0'),
                                   p.customer_id, p.order_date, 'CNY', 'COMPLETED', p.qty * p.list_price,
                                   p.qty * p.unit_cost, p.qty * p.list_price, p.owner_id, p.order_date::timestamptz,
                                   p.order_date::timestamptz
                            from priced p
                            returning id, customer_id, order_date, total_amount, cost_amount, created_by
                        ), lines as (
                            insert into order_line (id, order_id, line_no, product_id, quantity, unit_price,
                                                    discount_percent, unit_cost, net_amount)
                            select nextval('order_line_seq'), o.id, 1, p.product_id, p.qty, p.list_price, 0,
                                   p.unit_cost, o.total_amount
                            from orders o join priced p on p.customer_id = o.customer_id and p.order_date = o.order_date
                        ), history as (
                            insert into order_status_change (id, order_id, customer_id, from_status, to_status,
                                                             changed_by, changed_at)
                            select nextval('order_status_change_seq'), o.id, o.customer_id, s.from_status, s.to_status,
                                   o.created_by, o.order_date + s.after
                            from orders o cross join (values (null, 'DRAFT', interval '9 hours'),
                                                             ('DRAFT', 'CONFIRMED', interval '10 hours'),
                                                             ('CONFIRMED', 'COMPLETED', interval '16 hours'))
                                                     as s(from_status, to_status, after)
                        ), payments as (
                            insert into payment (id, order_id, customer_id, amount, paid_on, method, recorded_by,
                                                 recorded_at)
                            select nextval('payment_seq'), o.id, o.customer_id, o.total_amount, o.order_date,
                                   (array['BANK_TRANSFER', 'ALIPAY', 'WECHAT_PAY', 'CASH'])[1 + o.id % 4], o.created_by,
                                   o.order_date + interval '15 hours'
                            from orders o
                        )
                        select count(*) from orders""")
                .param("prefix", PRODUCT_PREFIX + "%")
                .param("all", customerIds == null)
                .param("ids", customerIds == null ? new Long[0] : customerIds.toArray(Long[]::new))
                .param("today", today)
                .query(Integer.class)
                .single();
    }
}

package com.kehu.crm.customer;

import java.util.Collection;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set-based twin of {@link CustomerService#recordCompletedOrder}: after a bulk load of orders (demo data,
 * imports), sets every customer's {@code completed_orders} from the completed orders in one statement and makes
 * buyers actual customers (现实), recording the status change as the system's. It reads {@code sales_order}, the
 * order module's table, because a module-API call per customer would be a million calls; it writes only this
 * module's tables.
 */
@Component
@RequiredArgsConstructor
public class CustomerPurchaseCounts {

    private final JdbcClient jdbc;

    /** Syncs every customer; returns how many changed. */
    @Transactional
    public int syncFromCompletedOrders() {
        return sync(true, new Long[0]);
    }

    /** Syncs these customers only; returns how many changed. */
    @Transactional
    public int syncFromCompletedOrders(Collection<Long> customerIds) {
        return sync(false, customerIds.toArray(Long[]::new));
    }

    private int sync(boolean all, Long[] ids) {
        // "old" is the row as it was before the update (a self-join in UPDATE … FROM sees the old version)
        return jdbc.sql("""
                        with counts as (
                            select c.id, coalesce(k.n, 0) as n
                            from customer c
                            left join (select customer_id, count(*)::integer as n from sales_order
                                       where status = 'COMPLETED' and (:all or customer_id = any(:ids))
                                       group by customer_id) k on k.customer_id = c.id
                            where :all or c.id = any(:ids)
                        ), changed as (
                            update customer c
                            set completed_orders = k.n,
                                status = case when k.n > 0 then 'ACTUAL' else c.status end,
                                version = c.version + 1, updated_at = now()
                            from counts k, customer old
                            where k.id = c.id and old.id = c.id
                              and (c.completed_orders <> k.n or (k.n > 0 and c.status <> 'ACTUAL'))
                            returning c.id, old.status as from_status, c.status as to_status
                        ), history as (
                            insert into customer_status_change (id, customer_id, from_status, to_status, changed_by,
                                                                changed_at)
                            select nextval('customer_status_change_seq'), id, from_status, to_status, null, now()
                            from changed where from_status <> to_status
                        )
                        select count(*) from changed""")
                .param("all", all)
                .param("ids", ids)
                .query(Integer.class)
                .single();
    }
}

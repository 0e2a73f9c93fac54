package com.kehu.crm.order;

import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged customer's orders, payments and order history move to the kept customer; then both customers' purchase
 * facts are recomputed (the merged one has none left, so its row goes). The customer's completed-order count is
 * the customer module's and is added up there.
 */
@Component
@RequiredArgsConstructor
class OrderMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;
    private final PurchaseHistory purchases;

    @Override
    public Set<String> tables() {
        return Set.of("sales_order", "payment", "order_status_change", "customer_purchase");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> count(long customerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(
                "merge.orders",
                jdbc.sql("select count(*) from sales_order where customer_id = :id")
                        .param("id", customerId)
                        .query(Integer.class)
                        .single());
        counts.put(
                "merge.payments",
                jdbc.sql("select count(*) from payment where customer_id = :id")
                        .param("id", customerId)
                        .query(Integer.class)
                        .single());
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> moveCustomer(long fromId, long toId) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put(
                "merge.orders",
                jdbc.sql("""
                        update sales_order set customer_id = :to, version = version + 1, updated_at = now()
                        where customer_id = :from""").param("from", fromId).param("to", toId).update());
        moved.put(
                "merge.payments",
                jdbc.sql("update payment set customer_id = :to where customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        jdbc.sql("update order_status_change set customer_id = :to where customer_id = :from")
                .param("from", fromId)
                .param("to", toId)
                .update();
        purchases.refresh(List.of(toId, fromId));
        return moved;
    }
}

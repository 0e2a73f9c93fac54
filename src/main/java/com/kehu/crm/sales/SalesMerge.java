package com.kehu.crm.sales;

import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Leads converted into the merged customer and its deals move to the kept customer. The deal totals (V6) are kept per owner, stage and month, not per customer, so a merge leaves them right. */
@Component
@RequiredArgsConstructor
class SalesMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    @Override
    public Set<String> tables() {
        return Set.of("lead", "opportunity");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> count(long customerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("merge.leads", count("select count(*) from lead where converted_customer_id = :id", customerId));
        counts.put(
                "merge.opportunities", count("select count(*) from opportunity where customer_id = :id", customerId));
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> moveCustomer(long fromId, long toId) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put(
                "merge.leads",
                jdbc.sql(
                                "update lead set converted_customer_id = :to, version = version + 1, updated_at = now() where converted_customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        moved.put(
                "merge.opportunities",
                jdbc.sql(
                                "update opportunity set customer_id = :to, version = version + 1, updated_at = now() where customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        return moved;
    }

    private int count(String sql, long customerId) {
        return jdbc.sql(sql).param("id", customerId).query(Integer.class).single();
    }
}

package com.kehu.crm.support;

import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A merged customer's tickets and call records move to the kept customer. */
@Component
@RequiredArgsConstructor
class SupportMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    @Override
    public Set<String> tables() {
        return Set.of("ticket", "call_record");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> count(long customerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("merge.tickets", count("select count(*) from ticket where customer_id = :id", customerId));
        counts.put("merge.calls", count("select count(*) from call_record where customer_id = :id", customerId));
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> moveCustomer(long fromId, long toId) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put(
                "merge.tickets",
                jdbc.sql(
                                "update ticket set customer_id = :to, version = version + 1, updated_at = now() where customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        moved.put(
                "merge.calls",
                jdbc.sql(
                                "update call_record set customer_id = :to, version = version + 1, updated_at = now() where customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        return moved;
    }

    private int count(String sql, long customerId) {
        return jdbc.sql(sql).param("id", customerId).query(Integer.class).single();
    }
}

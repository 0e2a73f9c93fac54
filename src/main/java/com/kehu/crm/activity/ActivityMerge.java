package com.kehu.crm.activity;

import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A merged customer's activities and tasks move to the kept customer's timeline. */
@Component
@RequiredArgsConstructor
class ActivityMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    @Override
    public Set<String> tables() {
        return Set.of("activity");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> count(long customerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("merge.activities", count("select count(*) from activity where customer_id = :id", customerId));
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> moveCustomer(long fromId, long toId) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put(
                "merge.activities",
                jdbc.sql(
                                "update activity set customer_id = :to, version = version + 1, updated_at = now() where customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        return moved;
    }

    private int count(String sql, long customerId) {
        return jdbc.sql(sql).param("id", customerId).query(Integer.class).single();
    }
}

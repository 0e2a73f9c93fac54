package com.kehu.crm.activity;

import com.kehu.crm.shared.handover.HandoverParticipant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A departing rep's open tasks go to the new owner; what they did stays theirs, as history. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@RequiredArgsConstructor
class ActivityHandover implements HandoverParticipant {

    private final JdbcClient jdbc;

    @Override
    public Map<String, Integer> handOver(long fromUserId, long toUserId) {
        int moved =
                jdbc.sql("""
                        update activity set owner_id = :to, version = version + 1, updated_at = now()
                        where owner_id = :from and type = 'TASK' and not done""").param("from", fromUserId).param("to", toUserId).update();
        return Map.of("handover.tasks", moved);
    }
}

package com.kehu.crm.customer;

import com.kehu.crm.shared.handover.HandoverParticipant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** All of a departing rep's customers, archived ones included, go to the new owner: nobody's customers are lost. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@RequiredArgsConstructor
class CustomerHandover implements HandoverParticipant {

    private final JdbcClient jdbc;

    @Override
    public Map<String, Integer> handOver(long fromUserId, long toUserId) {
        int moved =
                jdbc.sql("""
                        update customer set owner_id = :to, version = version + 1, updated_at = now()
                        where owner_id = :from""").param("from", fromUserId).param("to", toUserId).update();
        return Map.of("handover.customers", moved);
    }
}

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
        // one statement moves the customers and writes their history (audit_change, V24), in this transaction
        int moved =
                jdbc.sql("""
                        with moved as (
                            update customer set owner_id = :to, version = version + 1, updated_at = now()
                            where owner_id = :from returning id)
                        insert into audit_change (id, entity_type, entity_id, field, old_value, new_value, changed_by,
                                                  changed_at)
                        select nextval('audit_change_seq'), 'CUSTOMER', id, 'owner', cast(:from as text),
                               cast(:to as text), null, now()
                        from moved""").param("from", fromUserId).param("to", toUserId).update();
        return Map.of("handover.customers", moved);
    }
}

package com.kehu.crm.sales;

import com.kehu.crm.shared.handover.HandoverParticipant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A departing rep's open leads (with a fresh claim time, so the new owner gets the full follow-up period before
 * the pool takes them back) and open deals go to the new owner. Closed ones stay with whoever closed them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@RequiredArgsConstructor
class SalesHandover implements HandoverParticipant {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public Map<String, Integer> handOver(long fromUserId, long toUserId) {
        int leads = jdbc.sql("""
                        update lead set owner_id = :to, claimed_at = :now, version = version + 1, updated_at = now()
                        where owner_id = :from and status in ('NEW', 'WORKING', 'QUALIFIED')""")
                .param("from", fromUserId)
                .param("to", toUserId)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        // moves the open deals and writes their history (audit_change, V24) in one statement
        int deals =
                jdbc.sql("""
                        with moved as (
                            update opportunity set owner_id = :to, version = version + 1, updated_at = now()
                            where owner_id = :from and stage in ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION')
                            returning id)
                        insert into audit_change (id, entity_type, entity_id, field, old_value, new_value, changed_by,
                                                  changed_at)
                        select nextval('audit_change_seq'), 'OPPORTUNITY', id, 'owner', cast(:from as text),
                               cast(:to as text), null, now()
                        from moved""").param("from", fromUserId).param("to", toUserId).update();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("handover.leads", leads);
        counts.put("handover.opportunities", deals);
        return counts;
    }
}

package com.kehu.crm.support;

import com.kehu.crm.customer.Importance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SLA table (V14 {@code sla_target}): read for due times, edited by admins under /admin/sla. */
@Service
@Transactional
@RequiredArgsConstructor
public class SlaPolicy {

    /** One row of the table as the admin screen shows it. */
    public record Row(TicketPriority priority, Importance tier, int firstResponseMinutes, int resolutionMinutes) {}

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    public SlaTargets targets() {
        Map<SlaTargets.Key, SlaTargets.Target> map = new HashMap<>();
        rows().forEach(r -> map.put(
                new SlaTargets.Key(r.priority(), r.tier()),
                new SlaTargets.Target(r.firstResponseMinutes(), r.resolutionMinutes())));
        return new SlaTargets(Map.copyOf(map));
    }

    /** Highest priority first, VIP first within it. */
    @Transactional(readOnly = true)
    public List<Row> rows() {
        return jdbc.sql("""
                        select priority, tier, first_response_minutes, resolution_minutes from sla_target
                        order by case priority when 'URGENT' then 1 when 'HIGH' then 2 when 'NORMAL' then 3 else 4 end,
                                 case tier when 'VIP' then 1 when 'IMPORTANT' then 2 else 3 end""")
                .query((rs, n) -> new Row(
                        TicketPriority.valueOf(rs.getString("priority")),
                        Importance.valueOf(rs.getString("tier")),
                        rs.getInt("first_response_minutes"),
                        rs.getInt("resolution_minutes")))
                .list();
    }

    /** Changes one target; applies to tickets created (or re-prioritised) from now on. */
    public void update(TicketPriority priority, Importance tier, int firstResponseMinutes, int resolutionMinutes) {
        if (firstResponseMinutes <= 0 || resolutionMinutes < firstResponseMinutes) {
            throw new TicketRuleException("sla.invalid", "SLA " + priority + "/" + tier + " not valid");
        }
        jdbc.sql("""
                        update sla_target set first_response_minutes = :first, resolution_minutes = :resolution,
                            version = version + 1, updated_at = now()
                        where priority = :priority and tier = :tier""")
                .param("first", firstResponseMinutes)
                .param("resolution", resolutionMinutes)
                .param("priority", priority.name())
                .param("tier", tier.name())
                .update();
    }
}

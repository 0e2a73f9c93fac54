package com.kehu.crm.support;

import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customer's calls on the 360 timeline, from the (customer, started_at) index. */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class CallTimeline implements TimelineContributor {

    private final JdbcClient jdbc;

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        return jdbc.sql("""
                        select r.id, r.direction, r.outcome, r.phone, r.duration_seconds, r.notes, r.started_at,
                               u.display_name as agent_name
                        from (select * from call_record
                              where customer_id = :customerId and started_at < :before
                              order by started_at desc, id desc limit :limit) r
                        join app_user u on u.id = r.agent_id
                        order by r.started_at desc, r.id desc""")
                .param("customerId", customerId)
                .param("before", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query((rs, n) -> {
                    int seconds = rs.getInt("duration_seconds");
                    return new TimelineEntry(
                            rs.getTimestamp("started_at").toInstant(),
                            "call",
                            new DefaultMessageSourceResolvable(new String[] {"timeline.call"}, new Object[] {
                                new DefaultMessageSourceResolvable("CallDirection." + rs.getString("direction")),
                                new DefaultMessageSourceResolvable("CallOutcome." + rs.getString("outcome")),
                                rs.getString("phone"),
                                String.format("%d:%02d", seconds / 60, seconds % 60)
                            }),
                            rs.getString("notes"),
                            rs.getString("agent_name"),
                            "/calls/" + rs.getLong("id"));
                })
                .list();
    }
}

package com.kehu.crm.customer;

import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Status changes (潜在 → 目标 → 现实 → 流失) on the customer's timeline. */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class CustomerStatusTimeline implements TimelineContributor {

    private final JdbcClient jdbc;

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        return jdbc.sql("""
                        select s.from_status, s.to_status, s.changed_at, u.display_name as changed_by_name
                        from (select * from customer_status_change
                              where customer_id = :customerId and changed_at < :before
                              order by changed_at desc limit :limit) s
                        left join app_user u on u.id = s.changed_by
                        order by s.changed_at desc""")
                .param("customerId", customerId)
                .param("before", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query((rs, n) -> {
                    String from = rs.getString("from_status");
                    MessageSourceResolvable to = status(rs.getString("to_status"));
                    MessageSourceResolvable title = from == null
                            ? new DefaultMessageSourceResolvable(
                                    new String[] {"timeline.status.initial"}, new Object[] {to})
                            : new DefaultMessageSourceResolvable(
                                    new String[] {"timeline.status.changed"}, new Object[] {status(from), to});
                    return new TimelineEntry(
                            rs.getTimestamp("changed_at").toInstant(),
                            "status",
                            title,
                            null,
                            rs.getString("changed_by_name"),
                            null);
                })
                .list();
    }

    private static MessageSourceResolvable status(String status) {
        return new DefaultMessageSourceResolvable("CustomerStatus." + status);
    }
}

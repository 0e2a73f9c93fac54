package com.kehu.crm.activity;

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

/** The customer's activities on the 360 timeline; open tasks are plans, not events, and stay off it. */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class ActivityTimeline implements TimelineContributor {

    private final JdbcClient jdbc;

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        return jdbc.sql("""
                        select a.id, a.type, a.subject, a.details, a.occurred_at, u.display_name as owner_name
                        from (select * from activity
                              where customer_id = :customerId and occurred_at < :before
                                and not (type = 'TASK' and not done)
                              order by occurred_at desc, id desc limit :limit) a
                        join app_user u on u.id = a.owner_id
                        order by a.occurred_at desc, a.id desc""")
                .param("customerId", customerId)
                .param("before", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("occurred_at").toInstant(),
                        "activity",
                        new DefaultMessageSourceResolvable(new String[] {"timeline.activity"}, new Object[] {
                            new DefaultMessageSourceResolvable("ActivityType." + rs.getString("type")),
                            rs.getString("subject")
                        }),
                        rs.getString("details"),
                        rs.getString("owner_name"),
                        "/activities/" + rs.getLong("id")))
                .list();
    }
}

package com.kehu.crm.sales;

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

/** The customer 360 timeline's deal events: every stage change of the customer's opportunities, opening included. */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class SalesTimeline implements TimelineContributor {

    private final JdbcClient jdbc;

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        return jdbc.sql("""
                        select o.id, o.name, h.from_stage, h.to_stage, h.changed_at, u.display_name
                        from opportunity o
                        join opportunity_stage_change h on h.opportunity_id = o.id
                        left join app_user u on u.id = h.changed_by
                        where o.customer_id = :customerId and h.changed_at < :before
                        order by h.changed_at desc, h.id desc
                        limit :limit""")
                .param("customerId", customerId)
                .param("before", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
                .param("limit", limit)
                .query((rs, n) -> {
                    String from = rs.getString("from_stage");
                    String to = rs.getString("to_stage");
                    DefaultMessageSourceResolvable title = from == null
                            ? new DefaultMessageSourceResolvable(
                                    new String[] {"timeline.opportunity.opened"}, new Object[] {rs.getString("name")})
                            : new DefaultMessageSourceResolvable(
                                    new String[] {"timeline.opportunity.stage"},
                                    new Object[] {rs.getString("name"), stage(from), stage(to)});
                    return new TimelineEntry(
                            rs.getTimestamp("changed_at").toInstant(),
                            "opportunity",
                            title,
                            null,
                            rs.getString("display_name"),
                            "/opportunities/" + rs.getLong("id"));
                })
                .list();
    }

    private static DefaultMessageSourceResolvable stage(String stage) {
        return new DefaultMessageSourceResolvable(new String[] {"PipelineStage." + stage}, stage);
    }
}

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

/** The customer 360 timeline's ticket events: each ticket opened and every status change. */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class TicketTimeline implements TimelineContributor {

    private final JdbcClient jdbc;

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        return jdbc.sql("""
                        select t.id, t.number, t.subject, h.from_status, h.to_status, h.changed_at, u.display_name
                        from ticket t
                        join ticket_status_change h on h.ticket_id = t.id
                        left join app_user u on u.id = h.changed_by
                        where t.customer_id = :customerId and h.changed_at < :before
                        order by h.changed_at desc, h.id desc
                        limit :limit""")
                .param("customerId", customerId)
                .param("before", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
                .param("limit", limit)
                .query((rs, n) -> {
                    String from = rs.getString("from_status");
                    String number = rs.getString("number");
                    DefaultMessageSourceResolvable title = from == null
                            ? new DefaultMessageSourceResolvable(
                                    new String[] {"timeline.ticket.opened"}, new Object[] {number})
                            : new DefaultMessageSourceResolvable(
                                    new String[] {"timeline.ticket.status"},
                                    new Object[] {number, status(from), status(rs.getString("to_status"))});
                    return new TimelineEntry(
                            rs.getTimestamp("changed_at").toInstant(),
                            "ticket",
                            title,
                            from == null ? rs.getString("subject") : null,
                            rs.getString("display_name"),
                            "/tickets/" + rs.getLong("id"));
                })
                .list();
    }

    private static DefaultMessageSourceResolvable status(String status) {
        return new DefaultMessageSourceResolvable(new String[] {"TicketStatus." + status}, status);
    }
}

package com.kehu.crm.survey;

import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Survey responses on the customer 360 timeline, from the (customer_id, created_at) index. */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class SurveyTimeline implements TimelineContributor {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;
    private final UserQueries users;

    private record Raw(
            long id,
            Instant at,
            int overall,
            int recommend,
            @Nullable String comment,
            @Nullable Long recordedBy) {}

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Raw> raw = jdbc.sql("""
                        select id, created_at, overall, recommend, comment, recorded_by from survey_response
                        where customer_id = :customerId and created_at < :before
                        order by created_at desc, id desc limit :limit""")
                .param("customerId", customerId)
                .param("before", Timestamp.from(before == null ? END_OF_TIME : before))
                .param("limit", limit)
                .query((rs, n) -> new Raw(
                        rs.getLong("id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("overall"),
                        rs.getInt("recommend"),
                        rs.getString("comment"),
                        (Long) rs.getObject("recorded_by")))
                .list();
        Set<Long> ids = new HashSet<>();
        raw.stream().map(Raw::recordedBy).filter(Objects::nonNull).forEach(ids::add);
        Map<Long, UserRef> refs = ids.isEmpty() ? Map.of() : users.refsByIds(ids);
        return raw.stream()
                .map(r -> new TimelineEntry(
                        r.at(),
                        "survey",
                        new DefaultMessageSourceResolvable(
                                new String[] {"survey.timeline.response"},
                                new Object[] {r.overall(), r.recommend()},
                                "survey.timeline.response"),
                        r.comment(),
                        r.recordedBy() == null || !refs.containsKey(r.recordedBy())
                                ? null
                                : refs.get(r.recordedBy()).displayName(),
                        "/surveys/" + r.id()))
                .toList();
    }
}

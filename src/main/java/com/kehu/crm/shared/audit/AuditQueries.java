package com.kehu.crm.shared.audit;

import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail. A record's history is shown to whoever may read the record: the module checks that first
 * and then calls {@link #history}. User names come from a resolver the caller passes (shared cannot depend on
 * identity), called once per page, so a page costs the same few statements however many users it shows.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AuditQueries {

    /** Fields whose values are user ids; the history shows the user's name. */
    public static final Set<String> USER_FIELDS = Set.of("owner", "assignee");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    /** The record's field changes, newest first (rows of one transaction stay together). */
    public PageView<HistoryItem> history(
            AuditedType type, long id, int page, int size, Function<Collection<Long>, Map<Long, String>> names) {
        Map<String, Object> params = Map.of("type", type.name(), "id", id);
        List<Raw> rows = PagedSql.bind(jdbc.sql("""
                                select changed_at, changed_by, field, old_value, new_value, tx_id
                                from audit_change where entity_type = :type and entity_id = :id
                                order by changed_at desc, id desc limit :limit offset :offset"""), params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Raw(
                        rs.getTimestamp("changed_at").toInstant(),
                        nullableLong(rs, "changed_by"),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value"),
                        rs.getLong("tx_id")))
                .list();
        Set<Long> userIds = new HashSet<>();
        for (Raw r : rows) {
            if (r.changedBy() != null) {
                userIds.add(r.changedBy());
            }
            if (USER_FIELDS.contains(r.field())) {
                addId(userIds, r.oldValue());
                addId(userIds, r.newValue());
            }
        }
        Map<Long, String> byId = userIds.isEmpty() ? Map.of() : names.apply(userIds);
        List<HistoryItem> items = new ArrayList<>(rows.size());
        for (Raw r : rows) {
            boolean userField = USER_FIELDS.contains(r.field());
            items.add(new HistoryItem(
                    r.changedAt(),
                    r.changedBy() == null
                            ? null
                            : new HistoryItem.Actor(
                                    r.changedBy(), byId.getOrDefault(r.changedBy(), "#" + r.changedBy())),
                    r.field(),
                    userField ? userName(r.oldValue(), byId) : r.oldValue(),
                    userField ? userName(r.newValue(), byId) : r.newValue(),
                    r.txId()));
        }
        return PagedSql.page(
                jdbc, items, page, size, "audit_change where entity_type = :type and entity_id = :id", params);
    }

    /** The admin log, newest first; each filter maps onto one of V24's indexes. */
    public PageView<AuditEventRow> events(AuditEventFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("audit_event where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.actorId() != null) {
            where.append(" and actor_id = :actorId");
            params.put("actorId", filter.actorId());
        }
        ZoneId zone = clock.getZone();
        if (filter.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < :to");
            params.put(
                    "to",
                    Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            where.append(" and entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            where.append(" and entity_id = :entityId");
            params.put("entityId", filter.entityId());
        }
        List<AuditEventRow> rows = PagedSql.bind(
                        jdbc.sql("select id, occurred_at, kind, actor_id, actor_name, entity_type, entity_id, summary,"
                                + " details::text as details, remote_addr from " + where
                                + " order by occurred_at desc, id desc limit :limit offset :offset"),
                        params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new AuditEventRow(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        AuditEventKind.valueOf(rs.getString("kind")),
                        nullableLong(rs, "actor_id"),
                        rs.getString("actor_name"),
                        rs.getString("entity_type"),
                        nullableLong(rs, "entity_id"),
                        rs.getString("summary"),
                        json.readValue(rs.getString("details"), MAP),
                        rs.getString("remote_addr")))
                .list();
        return PagedSql.page(jdbc, rows, page, size, where.toString(), params);
    }

    private static void addId(Set<Long> ids, @Nullable String value) {
        Long id = parseId(value);
        if (id != null) {
            ids.add(id);
        }
    }

    private static @Nullable String userName(@Nullable String value, Map<Long, String> byId) {
        Long id = parseId(value);
        return id == null ? value : byId.getOrDefault(id, "#" + id);
    }

    private static @Nullable Long parseId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private record Raw(
            java.time.Instant changedAt,
            @Nullable Long changedBy,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue,
            long txId) {}
}

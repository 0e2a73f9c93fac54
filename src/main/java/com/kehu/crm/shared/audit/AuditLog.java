package com.kehu.crm.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit trail (V24). Every method joins the caller's transaction, so the audit rows commit or roll back
 * with the change they describe; a sign-in event, which has no business transaction, gets its own.
 */
@Component
@RequiredArgsConstructor
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    /** Records an event for the admin log, in the caller's transaction (or a new one if there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        jdbc.sql("""
                        insert into audit_event (id, occurred_at, actor_id, actor_name, kind, entity_type, entity_id,
                                                 summary, details, remote_addr)
                        values (nextval('audit_event_seq'), :at, :actorId, :actorName, :kind, :entityType, :entityId,
                                :summary, cast(:details as jsonb), :remoteAddr)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actorId", event.actorId())
                .param("actorName", event.actorName())
                .param("kind", event.kind().name())
                .param("entityType", event.entityType())
                .param("entityId", event.entityId())
                .param("summary", truncate(event.summary(), 1000))
                .param("details", json.writeValueAsString(event.details()))
                .param("remoteAddr", remoteAddress())
                .update();
    }

    /**
     * Records the fields of one record that changed, in the caller's transaction (which must exist: a history row
     * without its change, or the other way round, must not be possible). Unchanged pairs are skipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changes(AuditedType type, long id, @Nullable Long changedBy, List<FieldChange> changes) {
        List<FieldChange> real = new ArrayList<>();
        for (FieldChange c : changes) {
            if (!Objects.equals(blankToNull(c.oldValue()), blankToNull(c.newValue()))) {
                real.add(c);
            }
        }
        if (real.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        for (FieldChange c : real) {
            jdbc.sql("""
                            insert into audit_change (id, entity_type, entity_id, field, old_value, new_value, changed_by,
                                                      changed_at)
                            values (nextval('audit_change_seq'), :type, :id, :field, :old, :new, :by, :at)""")
                    .param("type", type.name())
                    .param("id", id)
                    .param("field", c.field())
                    .param("old", truncate(blankToNull(c.oldValue()), 4000))
                    .param("new", truncate(blankToNull(c.newValue()), 4000))
                    .param("by", changedBy)
                    .param("at", at)
                    .update();
        }
    }

    /** A compact map literal for {@link AuditEvent#with}: keys and values alternate. */
    public static Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return map;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static @Nullable String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : null;
    }
}

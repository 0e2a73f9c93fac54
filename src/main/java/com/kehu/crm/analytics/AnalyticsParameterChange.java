package com.kehu.crm.analytics;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changing the analytics parameters (admins): the new values replace the overrides as a whole, are checked by
 * {@link AnalyticsParameters}' rules before anything is stored, and carry the version the admin saw, so two admins
 * editing at once cannot overwrite each other unnoticed. Each change is recorded in the audit log. A change applies
 * from the next refresh.
 */
@Service
public class AnalyticsParameterChange {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AnalyticsParameterStore store;
    private final AuditLog audit;

    AnalyticsParameterChange(JdbcClient jdbc, JsonMapper json, AnalyticsParameterStore store, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.audit = audit;
    }

    /**
     * The parameters in force with their defaults, the version to send back when changing them, and who changed them
     * last (null while they were never changed) and when.
     */
    public record Current(
            AnalyticsParameters values,
            AnalyticsParameters defaults,
            long version,
            @Nullable Long updatedBy,
            Instant updatedAt) {}

    /** The values are not valid parameters; {@link #violations()} says which field breaks which rule. */
    public static class InvalidParametersException extends RuntimeException {

        private final List<AnalyticsParameters.Violation> violations;

        InvalidParametersException(AnalyticsParameters.InvalidParameters invalid) {
            super(invalid.getMessage());
            this.violations = invalid.violations();
        }

        public List<AnalyticsParameters.Violation> violations() {
            return violations;
        }
    }

    /** Someone changed the parameters since {@code version} was read. */
    public static class StaleParametersException extends RuntimeException {
        StaleParametersException() {
            super("The parameters were changed by someone else");
        }
    }

    public Current current() {
        return jdbc.sql("select version, updated_by, updated_at from analytics_parameters where id = 1")
                .query((rs, n) -> new Current(
                        store.current(),
                        AnalyticsParameters.DEFAULTS,
                        rs.getLong("version"),
                        (Long) rs.getObject("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .single();
    }

    /**
     * Stores {@code values} (parameter name to value, as numbers or text; names not given keep their default) if they
     * are valid and nobody changed the parameters since {@code version}, records the change in the audit log, and
     * returns the parameters now in force.
     *
     * @throws InvalidParametersException naming each field and the rule it breaks; nothing is stored
     * @throws StaleParametersException when someone changed the parameters since {@code version}
     */
    @Transactional
    public Current change(Map<String, ?> values, long version, CurrentUser user) {
        AnalyticsParameters merged;
        try {
            merged = store.merge(values);
        } catch (AnalyticsParameters.InvalidParameters e) {
            throw new InvalidParametersException(e);
        }
        Map<String, Object> before = store.current().asMap();
        Map<String, Object> overrides = new LinkedHashMap<>();
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> defaults = AnalyticsParameters.DEFAULTS.asMap();
        merged.asMap().forEach((name, value) -> {
            if (!same(value, defaults.get(name))) {
                overrides.put(name, value);
            }
            if (!same(value, before.get(name))) {
                changes.put(name, AuditLog.facts("from", before.get(name), "to", value));
            }
        });
        int updated = jdbc.sql("""
                        update analytics_parameters set overrides = cast(:o as jsonb), version = version + 1,
                            updated_by = :by, updated_at = now()
                        where id = 1 and version = :version""")
                .param("o", json.writeValueAsString(overrides))
                .param("by", user.id())
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new StaleParametersException();
        }
        if (!changes.isEmpty()) {
            audit.record(AuditEvent.of(
                            AuditEventKind.SETTINGS_CHANGE,
                            user.id(),
                            user.username(),
                            "Changed the analytics parameters: " + String.join(", ", changes.keySet()))
                    .with(AuditLog.facts("settings", "analytics", "version", version + 1, "changes", changes)));
        }
        return current();
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size() && x.entrySet().stream().allMatch(e -> same(e.getValue(), y.get(e.getKey())));
        }
        return Objects.equals(a, b);
    }
}

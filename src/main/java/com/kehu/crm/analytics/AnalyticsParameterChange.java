package com.kehu.crm.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changing the analytics parameters (admins): the new values replace the overrides as a whole, are checked by
 * {@link AnalyticsParameters}' rules before anything is stored, and carry the version the admin saw, so two admins
 * editing at once cannot overwrite each other unnoticed. A change applies from the next refresh.
 */
@Service
public class AnalyticsParameterChange {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AnalyticsParameterStore store;

    AnalyticsParameterChange(JdbcClient jdbc, JsonMapper json, AnalyticsParameterStore store) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
    }

    /** The parameters in force with their defaults and the version to send back when changing them. */
    public record Current(AnalyticsParameters values, AnalyticsParameters defaults, long version) {}

    /** The values are not valid parameters; the message says which rule they break. */
    public static class InvalidParametersException extends RuntimeException {
        InvalidParametersException(String message) {
            super(message);
        }
    }

    /** Someone changed the parameters since {@code version} was read. */
    public static class StaleParametersException extends RuntimeException {
        StaleParametersException() {
            super("The parameters were changed by someone else");
        }
    }

    public Current current() {
        long version = jdbc.sql("select version from analytics_parameters where id = 1")
                .query(Long.class)
                .single();
        return new Current(store.current(), AnalyticsParameters.DEFAULTS, version);
    }

    /**
     * Stores {@code values} (parameter name to value; names not given keep their default) if they are valid and
     * nobody changed the parameters since {@code version}; returns the parameters now in force.
     */
    public Current change(Map<String, Object> values, long version, long userId) {
        AnalyticsParameters merged;
        try {
            merged = store.merge(values);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new InvalidParametersException(
                    cause instanceof IllegalArgumentException ? cause.getMessage() : "Not valid parameter values");
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        Map<String, Object> defaults = AnalyticsParameters.DEFAULTS.asMap();
        merged.asMap().forEach((name, value) -> {
            if (!same(value, defaults.get(name))) {
                overrides.put(name, value);
            }
        });
        int updated = jdbc.sql("""
                        update analytics_parameters set overrides = cast(:o as jsonb), version = version + 1,
                            updated_by = :by, updated_at = now()
                        where id = 1 and version = :version""")
                .param("o", json.writeValueAsString(overrides))
                .param("by", userId)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new StaleParametersException();
        }
        return current();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.equals(a, b);
    }
}

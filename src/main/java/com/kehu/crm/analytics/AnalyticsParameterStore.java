package com.kehu.crm.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The parameters in force: the defaults with the administrator's overrides (V32 analytics_parameters) applied. */
@Component
class AnalyticsParameterStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnalyticsParameterStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    AnalyticsParameters current() {
        String overrides = jdbc.sql("select overrides::text from analytics_parameters where id = 1")
                .query(String.class)
                .optional()
                .orElse("{}");
        return merge(json.readValue(overrides, MAP));
    }

    /** The defaults with {@code overrides} applied; unknown names are ignored, invalid values rejected. */
    AnalyticsParameters merge(Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(AnalyticsParameters.DEFAULTS.asMap());
        overrides.forEach((name, value) -> {
            if (values.containsKey(name)) {
                values.put(name, value);
            }
        });
        return json.convertValue(values, AnalyticsParameters.class);
    }
}

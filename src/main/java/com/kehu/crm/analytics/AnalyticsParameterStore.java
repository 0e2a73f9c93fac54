package com.kehu.crm.analytics;

import com.kehu.crm.analytics.AnalyticsParameters.InvalidParameters;
import com.kehu.crm.analytics.AnalyticsParameters.Violation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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

    /**
     * The defaults with {@code overrides} applied; unknown names are ignored. Values may be numbers or text (a form
     * sends text); each is converted on its own, so every field that is not a number (or time unit) is reported, and
     * then the parameters' rules are checked.
     *
     * @throws InvalidParameters naming each field and the rule it breaks
     */
    AnalyticsParameters merge(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(AnalyticsParameters.DEFAULTS.asMap());
        overrides.forEach((name, value) -> {
            if (values.containsKey(name)) {
                values.put(name, value);
            }
        });
        RecordComponent[] components = AnalyticsParameters.class.getRecordComponents();
        @Nullable Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = convert(components[i].getName(), types[i], values.get(components[i].getName()), violations);
        }
        if (violations.isEmpty()) {
            return construct(types, arguments);
        }
        // check the rules with the defaults in place of what is not a number, so every field's error shows at once
        Map<String, Object> defaults = AnalyticsParameters.DEFAULTS.asMap();
        Set<String> unreadable = violations.stream().map(Violation::field).collect(Collectors.toSet());
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (unreadable.contains(name)) {
                arguments[i] = defaults.get(name);
            } else if (arguments[i] instanceof Map<?, ?> weights) {
                Map<Object, Object> readable = new LinkedHashMap<>(weights);
                readable.values().removeIf(Objects::isNull);
                arguments[i] = readable;
            }
        }
        try {
            construct(types, arguments);
        } catch (InvalidParameters rules) {
            rules.violations().stream()
                    .filter(v -> !unreadable.contains(v.field()))
                    .forEach(violations::add);
        }
        throw new InvalidParameters(violations);
    }

    private static AnalyticsParameters construct(Class<?>[] types, @Nullable Object[] arguments) {
        try {
            Constructor<AnalyticsParameters> canonical = AnalyticsParameters.class.getDeclaredConstructor(types);
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException rule) {
                throw rule;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Object convert(String name, Class<?> type, @Nullable Object value, List<Violation> out) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            out.add(Violation.required(name));
            return type == int.class ? 0 : null;
        }
        if (type == BigDecimal.class) {
            return decimal(name, value, out);
        }
        if (type == int.class) {
            BigDecimal number = decimal(name, value, out);
            if (number == null) {
                return 0;
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                out.add(new Violation(
                        name, AnalyticsParameters.RULE + "wholeNumber", List.of(), name + " must be a whole number"));
                return 0;
            }
        }
        if (type == ClvTimeUnit.class) {
            if (value instanceof ClvTimeUnit unit) {
                return unit;
            }
            try {
                return ClvTimeUnit.valueOf(value.toString().strip());
            } catch (IllegalArgumentException e) {
                out.add(new Violation(
                        name, AnalyticsParameters.RULE + "timeUnit", List.of(), name + " must be DAY, WEEK or MONTH"));
                return null;
            }
        }
        if (type == Map.class) {
            if (!(value instanceof Map<?, ?> map)) {
                out.add(new Violation(
                        name, AnalyticsParameters.RULE + "weights", List.of(), name + " must map codes to weights"));
                return null;
            }
            Map<String, @Nullable BigDecimal> weights = new LinkedHashMap<>();
            map.forEach((code, weight) -> {
                String field = name + "[" + code + "]";
                weights.put(String.valueOf(code), weight == null ? missing(field, out) : decimal(field, weight, out));
            });
            return weights;
        }
        throw new IllegalStateException("No conversion for " + type);
    }

    private static @Nullable BigDecimal missing(String field, List<Violation> out) {
        out.add(Violation.required(field));
        return null;
    }

    private static @Nullable BigDecimal decimal(String name, Object value, List<Violation> out) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        out.add(new Violation(name, AnalyticsParameters.RULE + "number", List.of(), name + " must be a number"));
        return null;
    }
}

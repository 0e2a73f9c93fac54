package com.kehu.crm.shared.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The audited fields of one record as display text, taken before and after a change; {@link #diff} turns two of
 * them into the {@link FieldChange}s for {@link AuditLog#changes}. Enums keep their name (the screen translates
 * them), numbers their plain form, a flag is "true" or empty, collections are joined with ", ". User fields hold the user id; the history
 * screen shows the name.
 */
public final class AuditSnapshot {

    /** The snapshot of a record that does not exist yet (creation) or no longer exists. */
    public static final Map<String, @Nullable String> NONE = Map.of();

    private final Map<String, @Nullable String> values = new LinkedHashMap<>();

    private AuditSnapshot() {}

    public static AuditSnapshot builder() {
        return new AuditSnapshot();
    }

    public AuditSnapshot put(String field, @Nullable Object value) {
        values.put(field, text(value));
        return this;
    }

    /** Adds every entry of a key-value map (a JSONB profile) as {@code prefix + key}. */
    public AuditSnapshot putAll(String prefix, Map<String, String> map) {
        map.forEach((key, value) -> values.put(prefix + key, text(value)));
        return this;
    }

    public Map<String, @Nullable String> build() {
        return values;
    }

    /** The fields whose value differs, in the order of {@code after} then any field only in {@code before}. */
    public static List<FieldChange> diff(Map<String, @Nullable String> before, Map<String, @Nullable String> after) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String old = blankToNull(before.get(field));
            String now = blankToNull(after.get(field));
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
        return changes;
    }

    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag ? "true" : null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty()
                    ? null
                    : items.stream()
                            .map(AuditSnapshot::text)
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        return blankToNull(value.toString());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

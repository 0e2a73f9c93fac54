package com.kehu.crm.shared.web;

import com.kehu.crm.shared.audit.HistoryItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Turns a page of a record's history into what {@code fragments/history :: history} shows: changes grouped by
 * transaction, field names and enum values in the reader's language. A field's label is the record's own form label
 * ({@code customer.name}), else the key itself ({@code profile.basic.age}), else {@code audit.field.<field>}.
 */
@Component
@RequiredArgsConstructor
public class HistoryViews {

    private final MessageSource messages;
    private final List<HistoryReferences> references;

    public record Row(
            String field,
            @Nullable String oldValue,
            @Nullable String newValue) {}

    public record Group(Instant at, @Nullable String who, long txId, List<Row> rows) {}

    /**
     * @param labelPrefix the record's label prefix, e.g. "customer"
     * @param enumFields field name to the enum's simple name, whose values are labelled {@code Enum.VALUE}
     */
    public List<Group> groups(
            List<HistoryItem> items, String labelPrefix, Map<String, String> enumFields, Locale locale) {
        Map<String, Map<String, String>> names = referenceNames(items, labelPrefix, locale);
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (HistoryItem item : items) {
            if (current == null || current.txId() != item.txId()) {
                current = new Group(
                        item.changedAt(),
                        item.changedBy() == null ? null : item.changedBy().name(),
                        item.txId(),
                        new ArrayList<>());
                groups.add(current);
            }
            String enumName = enumFields.get(item.field());
            Map<String, String> named = names.getOrDefault(item.field(), Map.of());
            current.rows()
                    .add(new Row(
                            label(labelPrefix, item.field(), locale),
                            named(named, item.oldValue(), enumName, locale),
                            named(named, item.newValue(), enumName, locale)));
        }
        return groups;
    }

    /** Per reference field on this page, value to name: one lookup per field, whatever the number of rows. */
    private Map<String, Map<String, String>> referenceNames(List<HistoryItem> items, String prefix, Locale locale) {
        Map<String, Set<String>> values = new HashMap<>();
        for (HistoryItem item : items) {
            for (String value : Arrays.asList(item.oldValue(), item.newValue())) {
                if (value != null) {
                    values.computeIfAbsent(item.field(), f -> new HashSet<>()).add(value);
                }
            }
        }
        Map<String, Map<String, String>> names = new HashMap<>();
        values.forEach((field, fieldValues) -> references.stream()
                .filter(reference -> reference.supports(prefix, field))
                .findFirst()
                .ifPresent(reference -> names.put(field, reference.labels(prefix, field, fieldValues, locale))));
        return names;
    }

    private @Nullable String named(
            Map<String, String> names, @Nullable String value, @Nullable String enumName, Locale locale) {
        String name = value == null ? null : names.get(value);
        return name != null ? name : value(enumName, value, locale);
    }

    private String label(String prefix, String field, Locale locale) {
        String[] codes = {prefix + "." + field, field, "audit.field." + field};
        return messages.getMessage(new DefaultMessageSourceResolvable(codes, field), locale);
    }

    private @Nullable String value(@Nullable String enumName, @Nullable String value, Locale locale) {
        if (value == null) {
            return null;
        }
        if ("true".equals(value)) {
            return messages.getMessage("audit.value.true", null, value, locale);
        }
        if (enumName == null) {
            return value;
        }
        String[] codes = {enumName + "." + value};
        return messages.getMessage(new DefaultMessageSourceResolvable(codes, value), locale);
    }
}

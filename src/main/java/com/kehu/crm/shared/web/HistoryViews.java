package com.kehu.crm.shared.web;

import com.kehu.crm.shared.audit.HistoryItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            current.rows()
                    .add(new Row(
                            label(labelPrefix, item.field(), locale),
                            value(enumName, item.oldValue(), locale),
                            value(enumName, item.newValue(), locale)));
        }
        return groups;
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

package com.kehu.crm.support;

import com.kehu.crm.shared.web.HistoryReferences;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shows a ticket's category in its history by name, in the reader's language, instead of its id. */
@Component
@RequiredArgsConstructor
class TicketCategoryHistoryNames implements HistoryReferences {

    private final JdbcClient jdbc;

    @Override
    public boolean supports(String prefix, String field) {
        return "ticket".equals(prefix) && "category".equals(field);
    }

    @Override
    public Map<String, String> labels(String prefix, String field, Collection<String> values, Locale locale) {
        Long[] ids = values.stream()
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        return jdbc
                .sql("select id, name_en, name_zh from ticket_category where id = any(:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(String.valueOf(rs.getLong(1)), rs.getString(chinese ? 3 : 2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

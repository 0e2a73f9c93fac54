package com.kehu.crm.analytics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Names of the things the reports group by, in the reader's language (the reports carry codes). */
@Service
public class AnalyticsNames {

    private final JdbcClient jdbc;

    AnalyticsNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ticket category code to its name in {@code locale}'s language (Chinese for zh, else English), in list order. */
    public Map<String, String> ticketCategories(Locale locale) {
        boolean chinese = locale.getLanguage().equals("zh");
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name_en, name_zh from analytics_ticket_category_v order by position, code")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(chinese ? 3 : 2)))
                .list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }
}

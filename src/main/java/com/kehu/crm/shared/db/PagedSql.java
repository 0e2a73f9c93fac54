package com.kehu.crm.shared.db;

import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every list's SQL shares: binding the named parameters of a statement assembled from constant fragments, and
 * sizing a page with a capped count. Counting a million matching rows costs more than the page itself, so beyond
 * {@link #COUNT_CAP} the screens say "more than 1,000" (docs/benchmarks.md: a 10,000 cap cost 15-50 ms a page).
 */
public final class PagedSql {

    public static final int COUNT_CAP = 1_000;

    private PagedSql() {}

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, ?> params) {
        JdbcClient.StatementSpec result = spec;
        for (Map.Entry<String, ?> e : params.entrySet()) {
            result = result.param(e.getKey(), e.getValue());
        }
        return result;
    }

    /**
     * The page with its total: exact without a count when the first page is not full, otherwise counted up to the
     * cap. {@code fromWhere} is the list's FROM and WHERE clauses (constant fragments; values in {@code params}).
     */
    public static <T> PageView<T> page(
            JdbcClient jdbc, List<T> rows, int page, int size, String fromWhere, Map<String, ?> params) {
        if (page == 0 && rows.size() < size) {
            return new PageView<>(rows, size, page, rows.size(), true);
        }
        long total = bind(jdbc.sql("select count(*) from (select 1 from " + fromWhere + " limit :cap) capped"), params)
                .param("cap", COUNT_CAP + 1)
                .query(Long.class)
                .single();
        return total > COUNT_CAP
                ? new PageView<>(rows, size, page, COUNT_CAP, false)
                : new PageView<>(rows, size, page, total, true);
    }

    /**
     * Streams every row of a statement to {@code sink}, 1,000 rows per fetch; call it inside a (read-only)
     * transaction, or PostgreSQL sends the whole result at once.
     */
    public static <T> void stream(JdbcClient.StatementSpec spec, RowMapper<T> mapper, ExportSink<T> sink) {
        try (Stream<T> rows = spec.withFetchSize(1_000).query(mapper).stream()) {
            rows.forEach(row -> {
                try {
                    sink.accept(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

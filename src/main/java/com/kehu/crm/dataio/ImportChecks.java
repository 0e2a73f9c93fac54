package com.kehu.crm.dataio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Set-based steps the contact, lead, product and payment imports share on top of {@link ImportSql}: typed cells
 * (dates, money, yes/no), required and length rules, duplicates inside the file with a reason of the type's own, and
 * the undo checks. Column names and conditions come from the kinds' constants, never from the file.
 */
final class ImportChecks {

    /** Money as a cell gives it: digits with at most two decimals (no sign, no grouping). */
    static final String MONEY = "'^\\d{1,15}(\\.\\d{1,2})?$'";

    private final JdbcClient jdbc;
    private final ImportSql sql;

    ImportChecks(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.sql = new ImportSql(jdbc, messages);
    }

    ImportSql sql() {
        return sql;
    }

    void required(long id, String column) {
        sql.fail(id, column + " is null", "import.error.required", column, Map.of());
    }

    void maxLengths(long id, Map<String, Integer> maxLengths) {
        maxLengths.forEach((column, max) ->
                sql.fail(id, "char_length(" + column + ") > :max", "import.error.tooLong", column, Map.of("max", max)));
    }

    void email(long id, String column) {
        sql.fail(
                id,
                column + " is not null and " + column + " !~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'",
                "import.error.email");
    }

    /** Phone numbers: digits, spaces, + ( ) and -, as the screens accept them. */
    void phone(long id, String column) {
        sql.fail(
                id,
                column + " is not null and " + column + " !~ '^[0-9+()\\- ]+$'",
                "import.error.phone",
                column,
                Map.of());
    }

    /** Parses {@code column} into parsed_date (yyyy-MM-dd, yyyy/M/d, yyyyMMdd); a cell that is no date fails. */
    void date(long id, String column) {
        jdbc.sql("update import_row set parsed_date = kehu_import_date(" + column + ")"
                        + " where import_id = :id and error is null")
                .param("id", id)
                .update();
        sql.fail(id, column + " is not null and parsed_date is null", "import.error.date");
    }

    /** A money cell: negative amounts and anything but digits with up to two decimals fail. */
    void money(long id, String column) {
        sql.fail(id, column + " ~ '^\\s*-'", "import.error.negative", column, Map.of());
        sql.fail(id, column + " is not null and " + column + " !~ " + MONEY, "import.error.money", column, Map.of());
    }

    void bool(long id, String column) {
        sql.fail(
                id,
                column + " is not null and kehu_import_bool(" + column + ") is null",
                "import.error.badValue",
                column,
                Map.of());
    }

    /** A later row with the same key as an earlier valid row fails with {@code reason} ("same … as line {0}"). */
    void duplicateInFile(long id, String key, String reason) {
        jdbc.sql("update import_row r set error = :reason, error_arg = d.first::text"
                        + " from (select line, first_value(line) over w as first, row_number() over w as n"
                        + " from import_row where import_id = :id and error is null and " + key + " is not null"
                        + " window w as (partition by " + key + " order by line)) d"
                        + " where r.import_id = :id and r.line = d.line and d.n > 1")
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    /**
     * Inserted or updated records of {@code table} whose version moved since the import. Locks them first, so no edit
     * slips in between this check and the undo, and nothing new can refer to them until the undo commits.
     */
    List<ImportUndoBlockedException.Blocker> changedSince(long id, String table, String code, String name) {
        jdbc.sql("select t.id from import_row r join " + table + " t on t.id = r.record_id where r.import_id = :id"
                        + " and r.action in ('INSERT', 'UPDATE') order by t.id for update of t")
                .param("id", id)
                .query(Long.class)
                .list();
        return jdbc.sql("select t.id, " + code + ", " + name + " from import_row r join " + table
                        + " t on t.id = r.record_id where r.import_id = :id and r.action in ('INSERT', 'UPDATE')"
                        + " and t.version <> r.new_version order by r.line")
                .param("id", id)
                .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                        rs.getLong(1), rs.getString(2), rs.getString(3), "changed"))
                .list();
    }

    /**
     * Inserted records of {@code table} that rows of another table (any foreign key found in the catalogue, except
     * {@code ignored}) now refer to.
     */
    List<ImportUndoBlockedException.Blocker> referredTo(
            long id, String table, String code, String name, List<String> ignored) {
        List<ImportUndoBlockedException.Blocker> blockers = new ArrayList<>();
        List<Map<String, Object>> references = jdbc.sql("""
                        select cl.relname as table_name, a.attname as column_name
                        from pg_constraint con
                        join pg_class cl on cl.oid = con.conrelid
                        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
                        where con.contype = 'f' and con.confrelid = cast(:table as regclass)
                          and not (cl.relname = any(:ignored))
                        order by 1, 2""")
                .param("table", table)
                .param("ignored", ignored.toArray(String[]::new))
                .query()
                .listOfRows();
        for (Map<String, Object> reference : references) {
            String referring = (String) reference.get("table_name");
            String column = (String) reference.get("column_name");
            blockers.addAll(jdbc.sql("select distinct t.id, " + code + ", " + name + " from import_row r join " + table
                            + " t on t.id = r.record_id join " + quote(referring) + " x on x." + quote(column)
                            + " = r.record_id where r.import_id = :id and r.action = 'INSERT'")
                    .param("id", id)
                    .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                            rs.getLong(1), rs.getString(2), rs.getString(3), referring))
                    .list());
        }
        return blockers;
    }

    /** Records each inserted or updated record's version after the import, for undo to see later changes. */
    void rememberVersions(long id, String table) {
        jdbc.sql("update import_row r set new_version = t.version from " + table + " t where r.import_id = :id"
                        + " and r.action in ('INSERT', 'UPDATE') and t.id = r.record_id")
                .param("id", id)
                .update();
    }

    /**
     * Lower-case header to field: each field's own name, and the English and Chinese headers listed for it, for files
     * whose headers need no mapping.
     */
    static Map<String, String> synonyms(List<String> fields, Map<String, List<String>> headers) {
        Map<String, String> synonyms = new LinkedHashMap<>();
        for (String field : fields) {
            synonyms.put(field, field);
            for (String header : headers.getOrDefault(field, List.of())) {
                synonyms.put(header.toLowerCase(Locale.ROOT), field);
            }
        }
        return Map.copyOf(synonyms);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package com.kehu.crm.dataio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based validation steps every kind of import shares. Conditions and keys are SQL written in the kinds over
 * import_row's columns, never text from the file (that only ever arrives as bind parameters or staged values).
 */
final class ImportSql {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ImportSql(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Marks still-valid rows matching {@code condition} as failed with {@code reason} (a message key). */
    void fail(long id, String condition, String reason, @Nullable String arg, Map<String, ?> params) {
        var statement = jdbc.sql("update import_row set error = :reason, error_arg = :arg"
                        + " where import_id = :id and error is null and (" + condition + ")")
                .param("reason", reason)
                .param("arg", arg)
                .param("id", id);
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        statement.update();
    }

    void fail(long id, String condition, String reason) {
        fail(id, condition, reason, null, Map.of());
    }

    /** Rows whose column count differs from the header's fail. */
    void columnCount(long id, int headerCount) {
        fail(id, "columns <> :n", "import.error.columns", String.valueOf(headerCount), Map.of("n", headerCount));
    }

    /** A later row with the same key as an earlier valid row fails; the first one stays. */
    void duplicateInFile(long id, String key) {
        jdbc.sql("update import_row r set error = 'import.error.duplicateInFile', error_arg = d.first::text"
                        + " from (select line, first_value(line) over w as first, row_number() over w as n"
                        + " from import_row where import_id = :id and error is null and " + key + " is not null"
                        + " window w as (partition by " + key + " order by line)) d"
                        + " where r.import_id = :id and r.line = d.line and d.n > 1")
                .param("id", id)
                .update();
    }

    /**
     * Replaces {@code column}'s value by the enum constant it names (the constant itself or its English or Chinese
     * label, any case), then fails rows whose value names none.
     */
    void enumColumn(long id, String column, Class<? extends Enum<?>> type) {
        List<String> labels = new ArrayList<>();
        List<String> constants = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            String key = type.getSimpleName() + "." + constant.name();
            for (String label : List.of(
                    constant.name(),
                    messages.getMessage(key, null, constant.name(), Locale.ROOT),
                    messages.getMessage(key, null, constant.name(), Locale.SIMPLIFIED_CHINESE))) {
                labels.add(label.toLowerCase(Locale.ROOT));
                constants.add(constant.name());
            }
        }
        jdbc.sql("update import_row r set " + column + " = m.constant"
                        + " from unnest(:labels, :constants) m(label, constant)"
                        + " where r.import_id = :id and r.error is null and lower(r." + column + ") = m.label")
                .param("labels", labels.toArray(String[]::new))
                .param("constants", constants.toArray(String[]::new))
                .param("id", id)
                .update();
        fail(
                id,
                column + " is not null and not (" + column + " = any(:allowed))",
                "import.error.badValue",
                column,
                Map.of("allowed", constants.stream().distinct().toArray(String[]::new)));
    }
}

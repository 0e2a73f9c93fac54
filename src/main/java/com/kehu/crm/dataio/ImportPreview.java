package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The preview step: the first rows of a draft, mapped as chosen, through its kind's real validation. They are staged in
 * import_row under the draft's id inside a transaction that is always rolled back, so the preview leaves nothing
 * behind and two previews of one draft simply wait for each other. Checks across the whole file (a duplicate further
 * down) can only see the previewed rows.
 */
@Service
public class ImportPreview {

    /** How many data rows the preview validates. */
    public static final int ROWS = 20;

    private static final Logger log = LoggerFactory.getLogger(ImportPreview.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ImportRunner run;
    private final ImportDrafts drafts;
    private final Imports imports;
    private final MessageSource messages;

    ImportPreview(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ImportRunner run,
            ImportDrafts drafts,
            Imports imports,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.run = run;
        this.drafts = drafts;
        this.imports = imports;
        this.messages = messages;
    }

    /**
     * The preview of a draft.
     *
     * @param fields the fields the mapping fills, in the kind's order
     * @param labels their labels in the requested language
     * @param more whether the file has rows after the previewed ones
     */
    public record Result(
            List<String> fields, List<String> labels, List<Row> rows, boolean more, String encoding, long fileBytes) {

        public long failed() {
            return rows.stream().filter(row -> row.error() != null).count();
        }
    }

    /** One previewed row: its line in the file, the mapped cells as in the file, and why it would fail, if it would. */
    public record Row(
            int line,
            List<@Nullable String> values,
            @Nullable String error) {}

    public Result preview(long id, CurrentUser user, Locale locale) {
        ImportDrafts.Draft draft = drafts.draft(id, user);
        ImportKind kind = run.kind(draft.type());
        List<String> fields = kind.fields();
        List<String> headers;
        int[] target;
        List<Staged> staged = new ArrayList<>();
        boolean more;
        try (ImportSource source =
                ImportSources.open(draft.file(), draft.fileName(), Charset.forName(draft.detectedEncoding()))) {
            headers = source.headers();
            if (headers.isEmpty()) {
                throw new UnreadableImportFileException("import.failure.empty");
            }
            target = ImportRunner.targets(headers, draft.mapping(), fields, kind.headerSynonyms());
            List<String> record;
            while (staged.size() < ROWS && (record = source.next()) != null) {
                staged.add(new Staged(source.line(), record, mapped(record, target, fields.size())));
            }
            more = source.next() != null;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableImportFileException unreadable) {
                throw unreadable;
            }
            log.warn("Import draft {}: cannot preview {}", id, draft.fileName(), e);
            throw new UnreadableImportFileException("import.failure.generic", e);
        }
        List<Integer> shown = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            for (int t : target) {
                if (t == f) {
                    shown.add(f);
                    break;
                }
            }
        }
        Map<Integer, String> errors = validate(draft, kind, headers.size(), staged, user, locale);
        List<Row> rows = new ArrayList<>();
        for (Staged row : staged) {
            List<@Nullable String> values = new ArrayList<>();
            shown.forEach(f -> values.add(row.values()[f]));
            rows.add(new Row(row.line(), values, errors.get(row.line())));
        }
        return new Result(
                shown.stream().map(fields::get).toList(),
                shown.stream()
                        .map(f -> imports.fieldLabel(draft.type(), fields.get(f), locale))
                        .toList(),
                rows,
                more,
                draft.detectedEncoding(),
                draft.fileBytes());
    }

    private record Staged(
            int line, List<String> raw, @Nullable String[] values) {}

    /** The field values of a record as the runner stages them: stripped, empty cells as null. */
    private static @Nullable String[] mapped(List<String> record, int[] target, int fieldCount) {
        @Nullable String[] values = new String[fieldCount];
        for (int i = 0; i < record.size() && i < target.length; i++) {
            String value = record.get(i).strip();
            if (target[i] >= 0 && !value.isEmpty()) {
                values[target[i]] = value;
            }
        }
        return values;
    }

    /** Line to the reason it fails, in {@code locale}; staged and validated in a transaction that is rolled back. */
    private Map<Integer, String> validate(
            ImportDrafts.Draft draft,
            ImportKind kind,
            int headerCount,
            List<Staged> staged,
            CurrentUser user,
            Locale locale) {
        List<String> fields = kind.fields();
        // column names from the kind's constant field list, never from the file
        String insert = "insert into import_row (import_id, line, raw, columns, " + String.join(", ", fields)
                + ") values (:id, :line, :raw, :columns"
                + fields.stream().map(f -> ", :f_" + f).reduce("", String::concat) + ")";
        ImportRequest request = new ImportRequest(
                draft.type(),
                draft.file(),
                draft.fileName(),
                draft.detectedEncoding(),
                draft.onDuplicate(),
                draft.mapping(),
                draft.createMissingCustomers(),
                draft.allOrNothing());
        Map<Integer, String> errors = new HashMap<>();
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (Staged row : staged) {
                var statement = jdbc.sql(insert)
                        .param("id", draft.id())
                        .param("line", row.line())
                        .param("raw", row.raw().toArray(String[]::new))
                        .param("columns", row.raw().size());
                for (int f = 0; f < fields.size(); f++) {
                    statement = statement.param("f_" + fields.get(f), row.values()[f], java.sql.Types.VARCHAR);
                }
                statement.update();
            }
            kind.validate(new ImportContext(draft.id(), request, user, headerCount, run.assignable(user)));
            jdbc.sql("select line, error, error_arg from import_row where import_id = :id and error is not null")
                    .param("id", draft.id())
                    .query(rs -> {
                        String arg = rs.getString("error_arg");
                        errors.put(
                                rs.getInt("line"),
                                messages.getMessage(
                                        rs.getString("error"),
                                        arg == null
                                                ? null
                                                : new Object[] {imports.fieldLabel(draft.type(), arg, locale)},
                                        locale));
                    });
        });
        return errors;
    }
}

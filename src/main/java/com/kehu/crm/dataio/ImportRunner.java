package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import on the import executor: open the file (format and charset detected), stream its records into
 * {@code import_row} by COPY in chunks, let the kind validate them set-based, then merge the valid rows and record the
 * counts and the audit row in one transaction. A bad row gets its reason and never stops the others.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserQueries users;
    private final AuditLog audit;
    private final Map<ImportType, ImportKind> kinds = new EnumMap<>(ImportType.class);

    ImportRunner(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionTemplate tx,
            UserQueries users,
            AuditLog audit,
            List<ImportKind> kinds) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.audit = audit;
        kinds.forEach(kind -> this.kinds.put(kind.type(), kind));
    }

    ImportKind kind(ImportType type) {
        ImportKind kind = kinds.get(type);
        if (kind == null) {
            throw new IllegalStateException("No import kind for " + type);
        }
        return kind;
    }

    Long[] assignable(CurrentUser user) {
        return users.assignableOwners(user).stream().map(UserRef::id).toArray(Long[]::new);
    }

    void run(long id, ImportRequest request, CurrentUser user) {
        ImportKind kind = null;
        try {
            jdbc.sql("update import_job set status = 'RUNNING', started_at = now() where id = :id")
                    .param("id", id)
                    .update();
            kind = kind(request.type());
            Charset charset = ImportSources.charset(request.file(), request.encoding());
            jdbc.sql("update import_job set encoding = :e where id = :id")
                    .param("e", charset.name())
                    .param("id", id)
                    .update();
            ImportContext context = stage(id, request, user, kind, charset, true);
            long validating = System.nanoTime();
            kind.validate(context);
            long merging = System.nanoTime();
            log.info("Import {}: validated in {} ms", id, (merging - validating) / 1_000_000);
            if (request.allOrNothing() && reject(id)) {
                return;
            }
            ImportKind merged = kind;
            tx.executeWithoutResult(s -> {
                merged.merge(context);
                finish(id, request, user);
            });
            log.info("Import {}: merged in {} ms", id, (System.nanoTime() - merging) / 1_000_000);
        } catch (Exception e) {
            jdbc.sql("update import_job set status = 'FAILED', failure = :f, finished_at = now() where id = :id")
                    // a message key for the screen; the exception itself goes to the log only
                    .param("f", e instanceof UnreadableFileException u ? u.getMessage() : "import.failure.generic")
                    .param("id", id)
                    .update();
            log.warn("Import {} failed", id, e);
        } finally {
            if (kind != null) {
                kind.cleanUp(id);
            }
            try {
                Files.deleteIfExists(request.file());
            } catch (IOException ignored) {
                // a temp file left behind is cleaned by the OS
            }
        }
    }

    /**
     * For an all-or-nothing import: when any row failed, ends the import as FAILED with failure
     * {@code import.failure.rejected}, the failed rows counted (their error file stays downloadable) and nothing
     * merged.
     */
    private boolean reject(long id) {
        return jdbc.sql("""
                        update import_job j set status = 'FAILED', failure = 'import.failure.rejected',
                            finished_at = now(), failed = f.failed
                        from (select count(*) as failed from import_row where import_id = :id and error is not null) f
                        where j.id = :id and f.failed > 0""").param("id", id).update() > 0;
    }

    /**
     * Streams the file into import_row, or, when {@code screened} and the kind screens rows as they stream (orders),
     * only the rows it rejects (it stages the good ones itself); returns the context for validation and merge.
     */
    private ImportContext stage(
            long id, ImportRequest request, CurrentUser user, ImportKind kind, Charset charset, boolean screened)
            throws IOException, SQLException {
        long started = System.nanoTime();
        long size = Files.size(request.file());
        jdbc.sql("update import_job set file_bytes = :s where id = :id")
                .param("s", size)
                .param("id", id)
                .update();
        try (ImportSource source = ImportSources.open(request.file(), request.fileName(), charset);
                Connection connection = dataSource.getConnection()) {
            List<String> headers = source.headers();
            if (headers.isEmpty()) {
                throw new UnreadableFileException("import.failure.empty");
            }
            List<String> fields = kind.fields();
            int[] target = targets(headers, request.mapping(), fields, kind.headerSynonyms());
            jdbc.sql("update import_job set headers = :h where id = :id")
                    .param("h", headers.toArray(String[]::new))
                    .param("id", id)
                    .update();
            ImportContext context = new ImportContext(id, request, user, headers.size(), assignable(user));
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy import_row (import_id, line, raw, columns, error, error_arg, order_key, "
                            + String.join(", ", fields) + ") from stdin");
            int rows = 0;
            try (RowScreen screen = screened ? kind.screen(context, target) : null) {
                StringBuilder chunk = new StringBuilder();
                List<String> record;
                while ((record = source.next()) != null) {
                    String[] values = values(record, target, fields.size());
                    RowScreen.Rejection rejection = null;
                    if (screen == null || (rejection = screen.screen(source.line(), record, values)) != null) {
                        appendRow(chunk, id, source.line(), record, values, rejection);
                    }
                    rows++;
                    if (rows % CHUNK == 0) {
                        flush(copy, chunk);
                        if (screen != null) {
                            screen.flush();
                        }
                        progress(id, rows, source.bytesRead());
                    }
                }
                flush(copy, chunk);
                if (screen != null) {
                    screen.finish();
                }
                copy.endCopy();
                connection.commit();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.setAutoCommit(autoCommit);
            }
            jdbc.sql("update import_job set processed = :n, total_rows = :n, read_bytes = file_bytes where id = :id")
                    .param("n", rows)
                    .param("id", id)
                    .update();
            log.info("Import {}: {} rows staged in {} ms", id, rows, (System.nanoTime() - started) / 1_000_000);
            return context;
        }
    }

    private void progress(long id, int rows, long bytes) {
        jdbc.sql("update import_job set processed = :n, read_bytes = :b where id = :id")
                .param("n", rows)
                .param("b", bytes)
                .param("id", id)
                .update();
    }

    private void finish(long id, ImportRequest request, CurrentUser user) {
        Map<String, Object> counts = jdbc.sql("""
                        update import_job j set status = 'DONE', finished_at = clock_timestamp(),
                            inserted = j.inserted + s.inserted, updated = j.updated + s.updated,
                            skipped = j.skipped + s.skipped, failed = s.failed
                        from (select count(*) filter (where action = 'INSERT') as inserted,
                                     count(*) filter (where action = 'UPDATE') as updated,
                                     count(*) filter (where action = 'SKIP') as skipped,
                                     count(*) filter (where error is not null) as failed
                              from import_row where import_id = :id) s
                        where j.id = :id
                        returning j.inserted, j.updated, j.skipped, j.failed""").param("id", id).query().singleRow();
        Map<String, Object> facts = new LinkedHashMap<>(counts);
        facts.put("importId", id);
        facts.put("type", request.type().name());
        facts.put("file", request.fileName());
        facts.put("onDuplicate", request.onDuplicate().name());
        audit.record(AuditEvent.of(
                        AuditEventKind.IMPORT,
                        user.id(),
                        user.username(),
                        "Imported " + request.type().name().toLowerCase(Locale.ROOT) + " from " + request.fileName())
                .with(facts));
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** For each header column, the index of the field it fills, or -1. */
    static int[] targets(
            List<String> headers, Map<String, String> mapping, List<String> fields, Map<String, String> synonyms) {
        int[] target = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            String field = mapping.containsKey(header)
                    ? mapping.get(header).strip().toLowerCase(Locale.ROOT)
                    : synonyms.get(header.toLowerCase(Locale.ROOT));
            target[i] = field == null ? -1 : fields.indexOf(field);
        }
        return target;
    }

    /** The row's value of each field (stripped; null when empty or unmapped). */
    static @Nullable String[] values(List<String> record, int[] target, int fieldCount) {
        String[] values = new String[fieldCount];
        for (int i = 0; i < record.size() && i < target.length; i++) {
            if (target[i] >= 0) {
                String value = record.get(i).strip();
                if (!value.isEmpty()) {
                    values[target[i]] = value;
                }
            }
        }
        return values;
    }

    private static void appendRow(
            StringBuilder out,
            long id,
            int line,
            List<String> record,
            @Nullable String[] values,
            RowScreen.@Nullable Rejection rejection) {
        out.append(id).append('\t').append(line).append('\t');
        out.append(escape(textArray(record))).append('\t');
        out.append(record.size());
        if (rejection == null) {
            out.append("\t\\N\t\\N\t\\N");
        } else {
            out.append('\t').append(escape(rejection.reason()));
            out.append('\t').append(rejection.arg() == null ? "\\N" : escape(rejection.arg()));
            out.append('\t').append(rejection.group() == null ? "\\N" : escape(rejection.group()));
        }
        for (String value : values) {
            out.append('\t').append(value == null ? "\\N" : escape(value));
        }
        out.append('\n');
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    static String escape(String value) {
        int i = 0;
        while (i < value.length() && !needsEscape(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
        for (; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    static String textArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            array.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return array.append('}').toString();
    }

    /** The file cannot be imported at all; the message is the key of the reason shown to the user. */
    static final class UnreadableFileException extends RuntimeException {

        UnreadableFileException(String messageKey) {
            super(messageKey);
        }
    }
}

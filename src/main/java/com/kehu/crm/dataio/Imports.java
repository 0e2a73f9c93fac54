package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.export.ExportFormat;
import com.kehu.crm.shared.export.TableWriter;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of customers from CSV (issue 6), for managers and admins: start one in the background, follow its
 * progress, download its failed rows, undo it. An import is visible to its creator and to admins.
 *
 * <p>Record rules: a new customer gets the owner named in the file if that user exists and the importer may assign
 * customers to them (a manager: their team; an admin: anyone), else the importer. A manager's UPDATE import only
 * touches customers owned within their team; other matches fail with a reason.
 */
@Service
public class Imports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ImportRunner run;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "import");
        thread.setDaemon(true);
        return thread;
    });

    Imports(JdbcClient jdbc, TransactionTemplate tx, ImportRunner run, MessageSource messages, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.run = run;
        this.messages = messages;
        this.audit = audit;
    }

    /** Queues the import and returns its id; the file is read on the import executor, never the caller's thread. */
    public long start(ImportRequest request, CurrentUser user) {
        long id = jdbc.sql("select nextval('import_job_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into import_job (id, type, status, file_name, encoding, on_duplicate, create_missing,
                                                all_or_nothing, mapping, created_by, created_at)
                        values (:id, :type, 'QUEUED', :file, :encoding, :onDuplicate, :createMissing, :allOrNothing,
                                cast(:mapping as jsonb), :by, now())""")
                .param("allOrNothing", request.allOrNothing())
                .param("createMissing", request.createMissingCustomers())
                .param("id", id)
                .param("type", request.type().name())
                .param("file", request.fileName())
                .param("encoding", request.encoding())
                .param("onDuplicate", request.onDuplicate().name())
                .param("mapping", JSON.writeValueAsString(request.mapping()))
                .param("by", user.id())
                .update();
        executor.submit(() -> run.run(id, request, user));
        return id;
    }

    /**
     * Queues an import whose job row the import screens already made (a draft turned QUEUED by {@link ImportDrafts}):
     * the same engine as {@link #start}.
     */
    void startStored(long id, ImportRequest request, CurrentUser user) {
        executor.submit(() -> run.run(id, request, user));
    }

    public ImportProgress progress(long id, CurrentUser user) {
        // a draft (an upload still being mapped on the import screens) is its uploader's alone
        return jdbc.sql(
                        "select * from import_job where id = :id and (created_by = :me or (:admin and status <> 'DRAFT'))")
                .param("id", id)
                .param("me", user.id())
                .param("admin", user.isAdmin())
                .query((rs, n) -> {
                    ImportStatus status = ImportStatus.valueOf(rs.getString("status"));
                    Integer total = (Integer) rs.getObject("total_rows");
                    int processed = rs.getInt("processed");
                    long fileBytes = rs.getLong("file_bytes");
                    long readBytes = rs.getLong("read_bytes");
                    Instant started = instant(rs.getTimestamp("started_at"));
                    Instant finished = instant(rs.getTimestamp("finished_at"));
                    int percent = switch (status) {
                        case DONE, UNDONE -> 100;
                        case QUEUED -> 0;
                        default -> fileBytes == 0 ? 0 : (int) (90 * readBytes / fileBytes);
                    };
                    Double rate = null;
                    Long eta = null;
                    if (started != null && processed > 0) {
                        Instant end = finished == null ? Instant.now() : finished;
                        double seconds = Math.max(0.001, (end.toEpochMilli() - started.toEpochMilli()) / 1000.0);
                        rate = processed / seconds;
                        if (finished == null && readBytes > 0) {
                            eta = (long) Math.ceil(seconds * (fileBytes - readBytes) / readBytes);
                        } else if (finished != null) {
                            eta = 0L;
                        }
                    }
                    return new ImportProgress(
                            rs.getLong("id"),
                            ImportType.valueOf(rs.getString("type")),
                            status,
                            rs.getString("file_name"),
                            rs.getString("encoding"),
                            OnDuplicate.valueOf(rs.getString("on_duplicate")),
                            total,
                            processed,
                            rs.getInt("inserted"),
                            rs.getInt("updated"),
                            rs.getInt("skipped"),
                            rs.getInt("failed"),
                            percent,
                            rate,
                            eta,
                            started,
                            finished,
                            rs.getString("failure"));
                })
                .optional()
                .orElseThrow(() -> new ImportNotFoundException(id));
    }

    /**
     * Writes the failed rows as CSV: line number, reason in {@code locale}, then the row's cells as they were in the
     * file, under the file's own headers.
     */
    public void writeErrors(long id, CurrentUser user, Locale locale, OutputStream out) throws IOException {
        progress(id, user);
        String[] fileHeaders = jdbc.sql("select headers from import_job where id = :id")
                .param("id", id)
                .query((rs, n) -> strings(rs.getArray("headers")))
                .single();
        ImportType type = jdbc.sql("select type from import_job where id = :id")
                .param("id", id)
                .query((rs, n) -> ImportType.valueOf(rs.getString(1)))
                .single();
        List<String> headers = new ArrayList<>();
        headers.add(messages.getMessage("import.errors.line", null, locale));
        headers.add(messages.getMessage("import.errors.reason", null, locale));
        headers.addAll(Arrays.asList(fileHeaders));
        try (TableWriter writer = TableWriter.open(ExportFormat.CSV, out, headers)) {
            jdbc.sql("select line, error, error_arg, raw from import_row"
                            + " where import_id = :id and error is not null order by line")
                    .param("id", id)
                    .query(rs -> {
                        List<Object> cells = new ArrayList<>();
                        cells.add(rs.getInt("line"));
                        String arg = rs.getString("error_arg");
                        cells.add(messages.getMessage(
                                rs.getString("error"),
                                arg == null ? null : new Object[] {fieldLabel(type, arg, locale)},
                                locale));
                        cells.addAll(Arrays.asList(strings(rs.getArray("raw"))));
                        try {
                            writer.row(cells);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    /**
     * A field's label in {@code locale}: {@code import.field.<type>.<field>} (e.g. import.field.contacts.name) when
     * the type names it differently, else {@code import.field.<field>}, else the field name itself.
     */
    public String fieldLabel(ImportType type, String field, Locale locale) {
        String general = messages.getMessage("import.field." + field, null, field, locale);
        return messages.getMessage(
                "import.field." + type.name().toLowerCase(Locale.ROOT) + "." + field, null, general, locale);
    }

    /** The fields a file of this type can fill, in their usual order. */
    public List<String> fields(ImportType type) {
        return run.kind(type).fields();
    }

    /**
     * For each header, the field it fills by itself (its name is the field's, or an English or Chinese synonym such
     * as 客户名称 or 订单日期), or null; the guess the mapping screen starts from.
     */
    public List<@Nullable String> guessMapping(ImportType type, List<String> headers) {
        ImportKind kind = run.kind(type);
        List<@Nullable String> guesses = new ArrayList<>();
        for (String header : headers) {
            guesses.add(kind.headerSynonyms().get(header.strip().toLowerCase(Locale.ROOT)));
        }
        return guesses;
    }

    /**
     * Reverses a finished import in one transaction (its kind knows how: customers inserted are removed and those
     * updated restored, orders inserted are removed), unless a record it touched changed since; then nothing changes
     * and {@link ImportUndoBlockedException} lists the records that block.
     */
    public void undo(long id, CurrentUser user) {
        progress(id, user);
        tx.executeWithoutResult(s -> {
            Map<String, Object> job = jdbc.sql("""
                            select status, type, file_name, encoding, on_duplicate, create_missing, all_or_nothing,
                                   rows_purged_at
                            from import_job where id = :id for update""").param("id", id).query().singleRow();
            ImportStatus status = ImportStatus.valueOf((String) job.get("status"));
            // after crm.dataio.imports.row-retention-days the rows that say what the import did are gone
            if (status != ImportStatus.DONE || job.get("rows_purged_at") != null) {
                throw new ImportNotUndoableException(id, status);
            }
            ImportType type = ImportType.valueOf((String) job.get("type"));
            ImportRequest request = new ImportRequest(
                    type,
                    Path.of((String) job.get("file_name")),
                    (String) job.get("file_name"),
                    (String) job.get("encoding"),
                    OnDuplicate.valueOf((String) job.get("on_duplicate")),
                    Map.of(),
                    (Boolean) job.get("create_missing"),
                    (Boolean) job.get("all_or_nothing"));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("importId", id);
            facts.put("type", type.name());
            facts.putAll(run.kind(type).undo(new ImportContext(id, request, user, 0, run.assignable(user))));
            jdbc.sql("update import_job set status = 'UNDONE', undone_at = now() where id = :id")
                    .param("id", id)
                    .update();
            audit.record(AuditEvent.of(AuditEventKind.IMPORT_UNDO, user.id(), user.username(), "Undid import " + id)
                    .with(facts));
        });
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

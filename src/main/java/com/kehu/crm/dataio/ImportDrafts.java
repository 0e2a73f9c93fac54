package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports on the screens start as drafts: the upload is kept on the server under
 * {@code crm.dataio.imports.upload-dir} while its uploader maps the columns and looks at the preview, then Run queues
 * it for the engine the API uses. A draft is its uploader's alone (anyone else, admins included, gets "not found").
 * A scheduled cleanup deletes drafts nobody ran within {@code draft-lifetime}, and the staged rows of imports finished
 * more than {@code row-retention-days} ago.
 */
@Service
public class ImportDrafts {

    private static final Logger log = LoggerFactory.getLogger(ImportDrafts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ImportRunner run;
    private final Imports imports;
    private final ImportProperties properties;

    ImportDrafts(
            JdbcClient jdbc, TransactionTemplate tx, ImportRunner run, Imports imports, ImportProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.run = run;
        this.imports = imports;
        this.properties = properties;
    }

    /** What the upload step asks for, besides the file. */
    public record NewDraft(
            ImportType type,
            String fileName,
            @Nullable String encoding,
            OnDuplicate onDuplicate,
            boolean createMissingCustomers,
            boolean allOrNothing) {}

    /**
     * A draft as the mapping and preview screens see it.
     *
     * @param encoding what the uploader asked for ("auto" or a charset)
     * @param detectedEncoding the charset the file is read with
     * @param mapping header to field (empty string: ignored) once the mapping step was saved, else empty
     */
    public record Draft(
            long id,
            ImportType type,
            String fileName,
            String encoding,
            String detectedEncoding,
            OnDuplicate onDuplicate,
            boolean createMissingCustomers,
            boolean allOrNothing,
            long fileBytes,
            Map<String, String> mapping,
            Path file) {

        public boolean mapped() {
            return !mapping.isEmpty();
        }
    }

    /** The header record and the first data records of a file, as read. */
    public record Sample(List<String> headers, List<List<String>> rows) {}

    /** What the screens need to know about a type: its fields, the required ones, and which options apply. */
    public record TypeInfo(
            ImportType type,
            List<String> fields,
            List<String> requiredFields,
            boolean matchesExisting,
            boolean createsMissingCustomers) {}

    public TypeInfo typeInfo(ImportType type) {
        ImportKind kind = run.kind(type);
        return new TypeInfo(
                type, kind.fields(), kind.requiredFields(), kind.matchesExisting(), kind.createsMissingCustomers());
    }

    /** A new, empty file in the upload directory for the controller to stream the upload into. */
    public Path newUploadFile() {
        try {
            Files.createDirectories(properties.uploads());
            return Files.createTempFile(properties.uploads(), "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records an uploaded file (already in {@link #newUploadFile()}) as a draft of {@code user}'s; the charset is found
     * now, once (reading the whole file), for the screens that read it again.
     */
    public long create(NewDraft draft, Path file, CurrentUser user) {
        String encoding = draft.encoding() == null || draft.encoding().isBlank() ? "auto" : draft.encoding();
        Charset charset;
        long size;
        try {
            charset = ImportSources.charset(file, encoding);
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = jdbc.sql("select nextval('import_job_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into import_job (id, type, status, file_name, encoding, detected_encoding, on_duplicate,
                                                create_missing, all_or_nothing, stored_file, file_bytes, created_by,
                                                created_at)
                        values (:id, :type, 'DRAFT', :name, :encoding, :detected, :onDuplicate, :createMissing,
                                :allOrNothing, :file, :size, :by, now())""")
                .param("id", id)
                .param("type", draft.type().name())
                .param("name", draft.fileName())
                .param("encoding", encoding)
                .param("detected", charset.name())
                .param("onDuplicate", draft.onDuplicate().name())
                .param("createMissing", draft.createMissingCustomers())
                .param("allOrNothing", draft.allOrNothing())
                .param("file", file.toAbsolutePath().toString())
                .param("size", size)
                .param("by", user.id())
                .update();
        return id;
    }

    /** The draft, if it is {@code user}'s and still a draft; else {@link ImportNotFoundException}. */
    public Draft draft(long id, CurrentUser user) {
        return jdbc.sql("select * from import_job where id = :id and created_by = :me and status = 'DRAFT'")
                .param("id", id)
                .param("me", user.id())
                .query((rs, n) -> new Draft(
                        rs.getLong("id"),
                        ImportType.valueOf(rs.getString("type")),
                        rs.getString("file_name"),
                        rs.getString("encoding"),
                        rs.getString("detected_encoding"),
                        OnDuplicate.valueOf(rs.getString("on_duplicate")),
                        rs.getBoolean("create_missing"),
                        rs.getBoolean("all_or_nothing"),
                        rs.getLong("file_bytes"),
                        JSON.readValue(rs.getString("mapping"), new TypeReference<LinkedHashMap<String, String>>() {}),
                        Path.of(rs.getString("stored_file"))))
                .optional()
                .orElseThrow(() -> new ImportNotFoundException(id));
    }

    /** Whether {@code id} is a draft of {@code user}'s (the import page sends drafts back to their mapping step). */
    public boolean isDraft(long id, CurrentUser user) {
        return jdbc.sql("select count(*) from import_job where id = :id and created_by = :me and status = 'DRAFT'")
                        .param("id", id)
                        .param("me", user.id())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The file's header record and up to {@code rows} records after it, read with the draft's charset. */
    public Sample sample(Draft draft, int rows) {
        try (ImportSource source =
                ImportSources.open(draft.file(), draft.fileName(), Charset.forName(draft.detectedEncoding()))) {
            List<String> headers = source.headers();
            if (headers.isEmpty()) {
                throw new UnreadableImportFileException("import.failure.empty");
            }
            List<List<String>> records = new ArrayList<>();
            List<String> record;
            while (records.size() < rows && (record = source.next()) != null) {
                records.add(record);
            }
            return new Sample(headers.stream().map(String::strip).toList(), records);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableImportFileException unreadable) {
                throw unreadable;
            }
            log.warn("Import draft {}: cannot read {}", draft.id(), draft.fileName(), e);
            throw new UnreadableImportFileException("import.failure.generic", e);
        }
    }

    /** Stores the mapping step's choice: every header of the file to a field, or to "" when it is ignored. */
    public void saveMapping(long id, Map<String, String> mapping, CurrentUser user) {
        draft(id, user);
        jdbc.sql("update import_job set mapping = cast(:mapping as jsonb) where id = :id and status = 'DRAFT'")
                .param("mapping", JSON.writeValueAsString(mapping))
                .param("id", id)
                .update();
    }

    /** Turns the draft into a QUEUED import with its saved mapping and starts it; the file now belongs to the run. */
    public void run(long id, CurrentUser user) {
        Draft draft = draft(id, user);
        int queued = jdbc.sql("update import_job set status = 'QUEUED' where id = :id and status = 'DRAFT'")
                .param("id", id)
                .update();
        if (queued == 0) {
            // a second click on Run, already queued by the first
            return;
        }
        imports.startStored(
                id,
                new ImportRequest(
                        draft.type(),
                        draft.file(),
                        draft.fileName(),
                        draft.detectedEncoding(),
                        draft.onDuplicate(),
                        draft.mapping(),
                        draft.createMissingCustomers(),
                        draft.allOrNothing()),
                user);
    }

    /** Deletes a draft and its file (the uploader's Cancel). */
    public void discard(long id, CurrentUser user) {
        Draft draft = draft(id, user);
        jdbc.sql("delete from import_job where id = :id and status = 'DRAFT'")
                .param("id", id)
                .update();
        deleteQuietly(draft.file());
    }

    @Scheduled(cron = "${crm.dataio.imports.cleanup-cron:0 40 * * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    void scheduledCleanup() {
        cleanup(Instant.now());
    }

    /**
     * Deletes the drafts created before {@code now} minus the draft lifetime with their files, upload files nobody
     * refers to any more (left by a server stopped mid-import), and the staged rows of imports that finished more than
     * the row retention before {@code now}.
     *
     * @return drafts deleted and imports whose rows were removed
     */
    public Cleanup cleanup(Instant now) {
        Instant draftCutoff = now.minus(properties.draftLifetime());
        List<String> files = jdbc.sql("delete from import_job where status = 'DRAFT' and created_at < :cutoff"
                        + " returning stored_file")
                .param("cutoff", java.sql.Timestamp.from(draftCutoff))
                .query(String.class)
                .list();
        files.stream().filter(f -> f != null).map(Path::of).forEach(ImportDrafts::deleteQuietly);
        sweepUploads(draftCutoff);
        Instant rowCutoff = now.minus(java.time.Duration.ofDays(properties.rowRetentionDays()));
        List<Long> finished = jdbc.sql("""
                        select id from import_job
                        where rows_purged_at is null and finished_at < :cutoff
                          and status in ('DONE', 'FAILED', 'UNDONE')
                        order by id""")
                .param("cutoff", java.sql.Timestamp.from(rowCutoff))
                .query(Long.class)
                .list();
        // one transaction per import: a big import's rows are a big delete, and one failure keeps the others' work
        for (long id : finished) {
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from import_row where import_id = :id")
                        .param("id", id)
                        .update();
                jdbc.sql("update import_job set rows_purged_at = now() where id = :id")
                        .param("id", id)
                        .update();
            });
        }
        if (!files.isEmpty() || !finished.isEmpty()) {
            log.info("Import cleanup: {} drafts deleted, rows of {} imports removed", files.size(), finished.size());
        }
        return new Cleanup(files.size(), finished.size());
    }

    /** What a cleanup removed. */
    public record Cleanup(int drafts, int importsPurged) {}

    private void sweepUploads(Instant cutoff) {
        Path dir = properties.uploads();
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> inUse = jdbc.sql("select stored_file from import_job where stored_file is not null"
                        + " and status in ('DRAFT', 'QUEUED', 'RUNNING')")
                .query(String.class)
                .list();
        try (Stream<Path> uploads = Files.list(dir)) {
            uploads.filter(file -> !inUse.contains(file.toAbsolutePath().toString()))
                    .filter(file -> {
                        try {
                            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(ImportDrafts::deleteQuietly);
        } catch (IOException e) {
            log.warn("Import cleanup: cannot list {}", dir, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete import upload {}", file, e);
        }
    }
}

package com.kehu.crm.shared.export;

import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.time.BusinessCalendar;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Streams what a list screen shows (its filters and record rules applied by the list's own query) as CSV or .xlsx,
 * and records the export in the audit log with the number of rows written. The rows go from the query's read-only
 * transaction straight into the {@link TableWriter}; nothing holds the whole list. The audit row is written after the
 * stream, in its own short transaction, also when the stream broke off ({@code complete: false}).
 *
 * <p>A .xlsx sheet holds 1,048,575 rows: an export beyond that stops before anything is sent and answers 422 with a
 * message suggesting CSV (SXSSF writes the workbook only on close, so nothing is committed yet).
 */
@Component
@RequiredArgsConstructor
public class ListExports {

    public static final long XLSX_MAX_ROWS = 1_048_575;

    private final AuditLog audit;
    private final MessageSource messages;
    private final BusinessCalendar calendar;

    /** The .xlsx row cap; lowered only by tests. */
    long xlsxMaxRows = XLSX_MAX_ROWS;

    /** Streams the rows a list query produces. */
    @FunctionalInterface
    public interface RowSource<T> {
        void forEach(ExportSink<T> sink) throws IOException;
    }

    /** {@code csv} or {@code xlsx}; anything else is a 400 without details. */
    public static ExportFormat format(String value) {
        return ExportFormat.parse(value).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    /**
     * @param list the list's name in file names and the audit log, e.g. {@code customers}
     * @param filters the filter values applied, for the audit log
     */
    public <T> void write(
            HttpServletResponse response,
            ExportFormat format,
            String list,
            List<ExportColumn<T>> columns,
            long actorId,
            String actorName,
            Map<String, ?> filters,
            RowSource<T> rows)
            throws IOException {
        write(
                response,
                format,
                new Target(list, list + "-" + calendar.today(), null, null),
                columns,
                actorId,
                actorName,
                filters,
                rows);
    }

    /**
     * What an export is of: the list's name (audit log), the file name without extension, and the record it belongs
     * to, if any (a segment, a campaign), which the audit row points at.
     */
    public record Target(
            String list,
            String fileStem,
            @Nullable String entityType,
            @Nullable Long entityId) {}

    public <T> void write(
            HttpServletResponse response,
            ExportFormat format,
            Target target,
            List<ExportColumn<T>> columns,
            long actorId,
            String actorName,
            Map<String, ?> filters,
            RowSource<T> rows)
            throws IOException {
        String list = target.list();
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = columns.stream()
                .map(c -> messages.getMessage(c.headerKey(), null, c.headerKey(), locale))
                .toList();
        String fileName = target.fileStem() + "." + format.extension();
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        Guard guard = new Guard(response.getOutputStream());
        long written = 0;
        boolean complete = false;
        boolean tooMany = false;
        TableWriter out = TableWriter.open(format, guard, headers);
        try {
            try {
                rows.forEach(row -> {
                    if (format == ExportFormat.XLSX && out.rowCount() >= xlsxMaxRows) {
                        throw new TooManyRows();
                    }
                    Object[] cells = new Object[columns.size()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cell(columns.get(i).value().apply(row), locale);
                    }
                    out.row(cells);
                });
                complete = true;
            } catch (TooManyRows e) {
                tooMany = true;
                guard.discard = true; // closing the workbook below then only deletes its temporary files
            } finally {
                written = out.rowCount();
                out.close();
            }
        } finally {
            record(target, format, actorId, actorName, filters, written, complete);
        }
        if (tooMany && !response.isCommitted()) {
            response.reset();
            response.setStatus(422);
            response.setContentType("text/plain; charset=UTF-8");
            response.getOutputStream()
                    .write(messages.getMessage("export.xlsxTooManyRows", null, locale)
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void record(
            Target target,
            ExportFormat format,
            long actorId,
            String actorName,
            Map<String, ?> filters,
            long rows,
            boolean complete) {
        String list = target.list();
        AuditEvent event = AuditEvent.of(
                AuditEventKind.EXPORT, actorId, actorName, "Exported " + rows + " " + list + " as " + format);
        if (target.entityType() != null && target.entityId() != null) {
            event = event.about(target.entityType(), target.entityId());
        }
        audit.record(event.with(AuditLog.facts(
                "list", list, "rows", rows, "format", format.name(), "filters", filters, "complete", complete)));
    }

    private @Nullable Object cell(@Nullable Object value, Locale locale) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return messages.getMessage(e.getDeclaringClass().getSimpleName() + "." + e.name(), null, e.name(), locale);
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "export.yes" : "export.no", null, locale);
        }
        if (value instanceof Instant i) {
            return i.atZone(calendar.zone()).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof Iterable<?> values) {
            List<String> parts = new ArrayList<>();
            values.forEach(v -> parts.add(String.valueOf(v)));
            return String.join(", ", parts);
        }
        return value;
    }

    /** The list's "CSV" and "Excel" links, keeping the current filters and sort (the page is dropped). */
    public record Links(String csv, String xlsx) {}

    /** For the list screen being rendered: its path plus {@code /export}, with the request's query. */
    public static Links links() {
        return new Links(link("csv"), link("xlsx"));
    }

    private static String link(String format) {
        // the request query is already encoded and the values set here are plain ASCII
        var uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/export")
                .replaceQueryParam("page")
                .replaceQueryParam("size")
                .replaceQueryParam("format", format)
                .build(true);
        return uri.getPath() + "?" + uri.getQuery();
    }

    /** The filters for the audit log: only those set. */
    public static Map<String, Object> filters(@Nullable Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null && !(value instanceof String s && s.isBlank())) {
                map.put(String.valueOf(keysAndValues[i]), value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
        return map;
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Lets an aborted .xlsx be closed (deleting its temporary files) without sending anything. */
    private static final class Guard extends FilterOutputStream {
        boolean discard;

        Guard(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (!discard) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!discard) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!discard) {
                out.flush();
            }
        }
    }
}

package com.kehu.crm.marketing.web;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.SegmentCustomer;
import com.kehu.crm.marketing.SegmentQueries;
import com.kehu.crm.marketing.SegmentView;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.export.ExportFormat;
import com.kehu.crm.shared.export.TableWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A segment as a target list for phone or e-mail outreach, streamed as CSV or .xlsx with the marketing fields only
 * (the screens' and the API's export share it). Spreadsheet formulas in cells are escaped by {@link TableWriter}.
 */
@Component
@RequiredArgsConstructor
public class SegmentExport {

    static final List<String> HEADER_KEYS = List.of(
            "customer.code",
            "customer.name",
            "customer.kind",
            "customer.industry",
            "customer.region",
            "customer.source",
            "customer.status",
            "segment.valueTier",
            "customer.tags",
            "customer.phone",
            "customer.email",
            "customer.owner");

    private final SegmentQueries queries;
    private final MessageSource messages;
    private final AuditLog audit;

    public void write(long segmentId, ExportFormat format, CurrentUser user, HttpServletResponse response)
            throws IOException {
        SegmentView segment = queries.get(segmentId, user);
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("segment-" + segmentId + "." + format.extension())
                        .build()
                        .toString());
        List<String> headers = HEADER_KEYS.stream()
                .map(k -> messages.getMessage(k, null, k, locale))
                .toList();
        long written = 0;
        boolean complete = false;
        try (TableWriter out = TableWriter.open(format, response.getOutputStream(), headers)) {
            try {
                queries.stream(segment.criteria(), user, c -> out.row(row(c, locale)));
                complete = true;
            } finally {
                written = out.rowCount();
            }
        } finally {
            // after the stream, with the rows actually written (also when it broke off)
            audit.record(AuditEvent.of(
                            AuditEventKind.EXPORT,
                            user.id(),
                            user.username(),
                            "Exported " + written + " customers of a segment as " + format)
                    .about("SEGMENT", segmentId)
                    .with(AuditLog.facts(
                            "list",
                            "segment",
                            "rows",
                            written,
                            "format",
                            format.name(),
                            "filters",
                            AuditLog.facts("segmentId", segmentId),
                            "complete",
                            complete)));
        }
    }

    private Object[] row(SegmentCustomer c, Locale locale) {
        return Stream.of(
                        c.code(),
                        c.name(),
                        label("CustomerKind", c.kind(), locale),
                        label("Industry", c.industry(), locale),
                        label("Region", c.region(), locale),
                        label("CustomerSource", c.source(), locale),
                        label("CustomerStatus", c.status(), locale),
                        label("Importance", c.importance(), locale),
                        String.join(", ", c.tags()),
                        c.phone(),
                        c.email(),
                        c.ownerName())
                .toArray();
    }

    private @Nullable String label(String enumName, @Nullable Enum<?> value, Locale locale) {
        return value == null ? null : messages.getMessage(enumName + "." + value.name(), null, value.name(), locale);
    }
}

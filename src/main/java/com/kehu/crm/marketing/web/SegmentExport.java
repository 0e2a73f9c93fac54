package com.kehu.crm.marketing.web;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.SegmentCustomer;
import com.kehu.crm.marketing.SegmentQueries;
import com.kehu.crm.marketing.SegmentView;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ExportFormat;
import com.kehu.crm.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A segment as a target list for phone or e-mail outreach, streamed as CSV or .xlsx with the marketing fields only
 * (the screens' and the API's export share it), through the same {@link ListExports} as every list: formula escaping,
 * translated labels, the .xlsx row limit and the audit row with the rows written.
 */
@Component
@RequiredArgsConstructor
public class SegmentExport {

    static final List<ExportColumn<SegmentCustomer>> COLUMNS = List.of(
            ExportColumn.of("customer.code", SegmentCustomer::code),
            ExportColumn.of("customer.name", SegmentCustomer::name),
            ExportColumn.of("customer.kind", SegmentCustomer::kind),
            ExportColumn.of("customer.industry", SegmentCustomer::industry),
            ExportColumn.of("customer.region", SegmentCustomer::region),
            ExportColumn.of("customer.source", SegmentCustomer::source),
            ExportColumn.of("customer.status", SegmentCustomer::status),
            ExportColumn.of("segment.valueTier", SegmentCustomer::importance),
            ExportColumn.of("customer.tags", SegmentCustomer::tags),
            ExportColumn.of("customer.phone", SegmentCustomer::phone),
            ExportColumn.of("customer.email", SegmentCustomer::email),
            ExportColumn.of("customer.owner", SegmentCustomer::ownerName));

    private final SegmentQueries queries;
    private final ListExports exports;

    public void write(long segmentId, ExportFormat format, CurrentUser user, HttpServletResponse response)
            throws IOException {
        SegmentView segment = queries.get(segmentId, user);
        exports.write(
                response,
                format,
                new ListExports.Target("segment", "segment-" + segmentId, "SEGMENT", segmentId),
                COLUMNS,
                user.id(),
                user.username(),
                AuditLog.facts("segmentId", segmentId),
                sink -> queries.stream(segment.criteria(), user, sink::accept));
    }
}

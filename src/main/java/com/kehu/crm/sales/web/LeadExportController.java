package com.kehu.crm.sales.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.LeadFilter;
import com.kehu.crm.sales.LeadQueries;
import com.kehu.crm.sales.LeadRow;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.LeadStatus;
import com.kehu.crm.sales.LeadView;
import com.kehu.crm.sales.ProspectList;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lead list as CSV or .xlsx: the chosen view (pool, mine, team...) with its filters, as the list shows it. The
 * view is checked against the user's views by the query, as for the list.
 */
@Controller
@RequiredArgsConstructor
class LeadExportController {

    static final List<ExportColumn<LeadRow>> COLUMNS = List.of(
            ExportColumn.of("lead.companyName", LeadRow::companyName),
            ExportColumn.of("lead.contactName", LeadRow::contactName),
            ExportColumn.of("lead.contactTitle", LeadRow::contactTitle),
            ExportColumn.of("lead.phone", LeadRow::phone),
            ExportColumn.of("lead.email", LeadRow::email),
            ExportColumn.of("lead.source", LeadRow::source),
            ExportColumn.of("lead.prospectList", LeadRow::prospectList),
            ExportColumn.of("lead.status", LeadRow::status),
            ExportColumn.of("lead.owner", LeadRow::ownerName),
            ExportColumn.of("export.lead.lastFollowUpAt", LeadRow::lastFollowUpAt),
            ExportColumn.of("lead.createdAt", LeadRow::createdAt));

    private final LeadQueries queries;
    private final ListExports exports;

    @GetMapping({"/leads/export", "/api/v1/leads/export"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "MINE") String view,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LeadStatus status,
            @RequestParam(required = false) @Nullable LeadSource source,
            @RequestParam(required = false) @Nullable ProspectList prospectList,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        var chosen = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        LeadFilter filter = new LeadFilter(parseView(view), q, status, source, prospectList);
        exports.write(
                response,
                chosen,
                "leads",
                COLUMNS,
                user.id(),
                user.username(),
                ListExports.filters(
                        "view",
                        filter.view(),
                        "q",
                        q,
                        "status",
                        status,
                        "source",
                        source,
                        "prospectList",
                        prospectList),
                sink -> queries.stream(filter, user, sink));
    }

    /** The screen's names (MINE, POOL...) and the API's (mine, pool, awaiting); anything else is MINE. */
    private static LeadView parseView(String view) {
        String upper = view.toUpperCase(Locale.ROOT);
        if ("AWAITING".equals(upper)) {
            return LeadView.AWAITING_CONFIRMATION;
        }
        for (LeadView v : LeadView.values()) {
            if (v.name().equals(upper)) {
                return v;
            }
        }
        return LeadView.MINE;
    }
}

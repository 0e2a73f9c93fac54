package com.kehu.crm.sales.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.OpportunityFilter;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityRow;
import com.kehu.crm.sales.OpportunitySort;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The opportunity list as CSV or .xlsx with its filters and sort; takes the screen's parameter names (owner, from,
 * to) and the API's (ownerId, customerId, closeFrom, closeTo).
 */
@Controller
@RequiredArgsConstructor
class OpportunityExportController {

    static final List<ExportColumn<OpportunityRow>> COLUMNS = List.of(
            ExportColumn.of("opportunity.name", OpportunityRow::name),
            ExportColumn.of("opportunity.customer", OpportunityRow::customerName),
            ExportColumn.of("opportunity.type", OpportunityRow::type),
            ExportColumn.of("opportunity.stage", OpportunityRow::stage),
            ExportColumn.of("opportunity.probability", OpportunityRow::probability),
            ExportColumn.of("opportunity.amount", OpportunityRow::amount),
            ExportColumn.of("opportunity.currency", OpportunityRow::currency),
            ExportColumn.of("opportunity.expectedCloseDate", OpportunityRow::expectedCloseDate),
            ExportColumn.of("opportunity.owner", OpportunityRow::ownerName),
            ExportColumn.of("opportunity.nextStep", OpportunityRow::nextStep),
            ExportColumn.of("opportunity.closedOn", OpportunityRow::closedOn));

    private final OpportunityQueries queries;
    private final ListExports exports;

    @GetMapping({"/opportunities/export", "/api/v1/opportunities/export"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable PipelineStage stage,
            @RequestParam(required = false) @Nullable Long owner,
            @RequestParam(required = false) @Nullable Long ownerId,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable OpportunityType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate closeFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closeTo,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "CLOSE_DATE") OpportunitySort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        var chosen = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        OpportunityFilter filter = new OpportunityFilter(
                q,
                stage,
                owner != null ? owner : ownerId,
                customerId,
                type,
                from != null ? from : closeFrom,
                to != null ? to : closeTo,
                open);
        exports.write(
                response,
                chosen,
                "opportunities",
                COLUMNS,
                user.id(),
                user.username(),
                ListExports.filters(
                        "q",
                        q,
                        "stage",
                        stage,
                        "owner",
                        filter.ownerId(),
                        "customerId",
                        customerId,
                        "type",
                        type,
                        "from",
                        filter.closeFrom(),
                        "to",
                        filter.closeTo(),
                        "open",
                        open,
                        "sort",
                        sort,
                        "desc",
                        desc),
                sink -> queries.stream(filter, sort, desc, user, sink));
    }
}

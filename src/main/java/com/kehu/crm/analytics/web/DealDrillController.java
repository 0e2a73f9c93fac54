package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.DealDrill;
import com.kehu.crm.analytics.ReportPeriod;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The deals behind a stage of the funnel: created in the period and reached the stage, within the record rules (and
 * the reader's own with {@code mine=true}); each links to the deal; exportable. A stage that is not a funnel stage or
 * a period that ends before it starts is a 400.
 */
@Controller
class DealDrillController {

    private final DealDrill deals;
    private final ListExports exports;
    private final MessageSource messages;
    private final Clock clock;

    DealDrillController(DealDrill deals, ListExports exports, MessageSource messages, Clock clock) {
        this.deals = deals;
        this.exports = exports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/analytics/deals")
    String list(
            @RequestParam(required = false) @Nullable String stage,
            PeriodParams asked,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model) {
        String chosen = stage(stage);
        ReportPeriod period = asked.validOrBadRequest(clock);
        LocalDate start = period.from();
        LocalDate end = period.to();
        Figures f = new Figures(locale);
        PageView<DealDrill.Row> rows = deals.page(chosen, start, end, mine, principal.currentUser(), page);
        String stageLabel = messages.getMessage("PipelineStage." + chosen, null, chosen, locale);
        model.addAttribute("title", messages.getMessage("dashboard.deals.title", new Object[] {stageLabel}, locale));
        model.addAttribute("start", start);
        model.addAttribute("end", end);
        model.addAttribute(
                "rows",
                rows.map(r -> new RowView(
                        r.id(),
                        r.name(),
                        r.customerName() == null ? Figures.NONE : r.customerName(),
                        r.ownerName(),
                        messages.getMessage("PipelineStage." + r.stage(), null, r.stage(), locale),
                        f.money(r.amount(), r.currency()),
                        r.createdAt(),
                        r.closedOn())));
        model.addAttribute("total", rows.totalExact() ? f.count(rows.totalElements()) : null);
        model.addAttribute("pageLinks", Urls.pageLinks(rows));
        model.addAttribute("exportLinks", ListExports.links());
        return "analytics/deals";
    }

    record RowView(
            long id,
            String name,
            String customer,
            String owner,
            String stage,
            String amount,
            java.time.Instant createdAt,
            @Nullable LocalDate closedOn) {}

    @GetMapping("/analytics/deals/export")
    void export(
            @RequestParam(required = false) @Nullable String stage,
            PeriodParams asked,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        String chosen = stage(stage);
        ReportPeriod period = asked.validOrBadRequest(clock);
        LocalDate start = period.from();
        LocalDate end = period.to();
        var type = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        exports.write(
                response,
                type,
                "analytics-deals",
                List.<ExportColumn<DealDrill.Row>>of(
                        ExportColumn.of("opportunity.name", DealDrill.Row::name),
                        ExportColumn.of("opportunity.customer", DealDrill.Row::customerName),
                        ExportColumn.of("opportunity.owner", DealDrill.Row::ownerName),
                        ExportColumn.of(
                                "opportunity.stage",
                                r -> messages.getMessage(
                                        "PipelineStage." + r.stage(),
                                        null,
                                        r.stage(),
                                        org.springframework.context.i18n.LocaleContextHolder.getLocale())),
                        ExportColumn.of("opportunity.amount", DealDrill.Row::amount),
                        ExportColumn.of("opportunity.currency", DealDrill.Row::currency),
                        ExportColumn.of("dashboard.deals.created", DealDrill.Row::createdAt),
                        ExportColumn.of("dashboard.deals.closed", DealDrill.Row::closedOn)),
                user.id(),
                user.username(),
                ListExports.filters("stage", chosen, "from", start, "to", end, "mine", mine),
                sink -> deals.stream(chosen, start, end, mine, user, sink));
    }

    private static String stage(@Nullable String stage) {
        if (!DealDrill.isFunnelStage(stage)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return java.util.Objects.requireNonNull(stage);
    }
}

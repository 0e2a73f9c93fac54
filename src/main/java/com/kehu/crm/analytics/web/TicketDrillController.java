package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.AnalyticsNames;
import com.kehu.crm.analytics.ReportPeriod;
import com.kehu.crm.analytics.TicketDrill;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tickets behind the support figures (all of the period, missed first response, missed resolution, complaints of
 * a category), within the record rules; each links to its ticket; exportable. An unknown filter or category, or a
 * period that ends before it starts, is a 400.
 */
@Controller
class TicketDrillController {

    private final TicketDrill tickets;
    private final AnalyticsNames names;
    private final ListExports exports;
    private final MessageSource messages;
    private final Clock clock;

    TicketDrillController(
            TicketDrill tickets, AnalyticsNames names, ListExports exports, MessageSource messages, Clock clock) {
        this.tickets = tickets;
        this.names = names;
        this.exports = exports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/analytics/tickets")
    String list(
            @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(required = false) @Nullable String category,
            PeriodParams asked,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model) {
        TicketDrill.Filter chosen = filter(filter);
        Map<String, String> categories = names.ticketCategories(locale);
        String code = category(category, categories);
        ReportPeriod period = asked.validOrBadRequest(clock);
        LocalDate start = period.from();
        LocalDate end = period.to();
        PageView<TicketDrill.Row> rows = tickets.page(chosen, code, start, end, principal.currentUser(), page);
        String title = label("dashboard.tickets.filter." + chosen.name(), locale);
        if (code != null) {
            title = messages.getMessage("dashboard.drill.title", new Object[] {title, categories.get(code)}, locale);
        }
        model.addAttribute("title", title);
        model.addAttribute("start", start);
        model.addAttribute("end", end);
        model.addAttribute(
                "rows",
                rows.map(r -> new RowView(
                        r.id(),
                        r.number(),
                        r.subject(),
                        r.customerName(),
                        r.assigneeName() == null ? label("dashboard.support.unassigned", locale) : r.assigneeName(),
                        label("TicketType." + r.type(), locale),
                        r.categoryCode() == null
                                ? Figures.NONE
                                : categories.getOrDefault(r.categoryCode(), r.categoryCode()),
                        label("TicketPriority." + r.priority(), locale),
                        label("TicketStatus." + r.status(), locale),
                        r.createdAt(),
                        r.firstRespondedAt(),
                        r.resolvedAt())));
        model.addAttribute("total", rows.totalExact() ? new Figures(locale).count(rows.totalElements()) : null);
        model.addAttribute("pageLinks", Urls.pageLinks(rows));
        model.addAttribute("exportLinks", ListExports.links());
        return "analytics/tickets";
    }

    record RowView(
            long id,
            String number,
            String subject,
            String customer,
            String assignee,
            String type,
            String category,
            String priority,
            String status,
            Instant createdAt,
            @Nullable Instant firstRespondedAt,
            @Nullable Instant resolvedAt) {}

    @GetMapping("/analytics/tickets/export")
    void export(
            @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(required = false) @Nullable String category,
            PeriodParams asked,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        TicketDrill.Filter chosen = filter(filter);
        String code = category(category, names.ticketCategories(LocaleContextHolder.getLocale()));
        ReportPeriod period = asked.validOrBadRequest(clock);
        LocalDate start = period.from();
        LocalDate end = period.to();
        var type = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        exports.write(
                response,
                type,
                "analytics-tickets",
                List.<ExportColumn<TicketDrill.Row>>of(
                        ExportColumn.of("ticket.number", TicketDrill.Row::number),
                        ExportColumn.of("ticket.subject", TicketDrill.Row::subject),
                        ExportColumn.of("ticket.customer", TicketDrill.Row::customerName),
                        ExportColumn.of("ticket.assignee", TicketDrill.Row::assigneeName),
                        ExportColumn.of("ticket.type", r -> current("TicketType." + r.type())),
                        ExportColumn.of("ticket.category", TicketDrill.Row::categoryCode),
                        ExportColumn.of("ticket.priority", r -> current("TicketPriority." + r.priority())),
                        ExportColumn.of("ticket.status", r -> current("TicketStatus." + r.status())),
                        ExportColumn.of("ticket.createdAt", TicketDrill.Row::createdAt),
                        ExportColumn.of("dashboard.tickets.firstResponse", TicketDrill.Row::firstRespondedAt),
                        ExportColumn.of("dashboard.tickets.resolved", TicketDrill.Row::resolvedAt)),
                user.id(),
                user.username(),
                ListExports.filters("filter", chosen, "category", code, "from", start, "to", end),
                sink -> tickets.stream(chosen, code, start, end, user, sink));
    }

    private static TicketDrill.Filter filter(String filter) {
        try {
            return TicketDrill.Filter.valueOf(filter);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private static @Nullable String category(@Nullable String category, Map<String, String> categories) {
        if (category == null || category.isEmpty()) {
            return null;
        }
        if (!categories.containsKey(category)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return category;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String current(String key) {
        return label(key, LocaleContextHolder.getLocale());
    }
}

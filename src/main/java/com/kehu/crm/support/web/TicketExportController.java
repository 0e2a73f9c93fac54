package com.kehu.crm.support.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.support.TicketFilter;
import com.kehu.crm.support.TicketQueries;
import com.kehu.crm.support.TicketRow;
import com.kehu.crm.support.TicketSort;
import com.kehu.crm.support.TicketStatus;
import com.kehu.crm.support.TicketView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ticket queue as CSV or .xlsx: the same view, filters and default sort as the queue (agents: their queue by
 * due time; everyone else: their customers' tickets, newest first), and the API's assignee, customer and breached
 * (on {@code /api/v1/tickets/export} the default view is ALL for everyone, as the API list's).
 */
@Controller
@RequiredArgsConstructor
class TicketExportController {

    static final List<ExportColumn<TicketRow>> COLUMNS = List.of(
            ExportColumn.of("ticket.number", TicketRow::number),
            ExportColumn.of("ticket.subject", TicketRow::subject),
            ExportColumn.of("ticket.customer", TicketRow::customerName),
            ExportColumn.of("ticket.type", TicketRow::type),
            ExportColumn.of("ticket.channel", TicketRow::channel),
            ExportColumn.of("ticket.category", t -> t.category(LocaleContextHolder.getLocale())),
            ExportColumn.of("ticket.priority", TicketRow::priority),
            ExportColumn.of("ticket.status", TicketRow::status),
            ExportColumn.of("ticket.assignee", TicketRow::assigneeName),
            ExportColumn.of("export.ticket.resolutionDueAt", TicketRow::resolutionDueAt),
            ExportColumn.of("export.ticket.escalationLevel", TicketRow::escalationLevel),
            ExportColumn.of("ticket.createdAt", TicketRow::createdAt));

    private final TicketQueries queries;
    private final ListExports exports;

    @GetMapping({"/tickets/export", "/api/v1/tickets/export"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable TicketView view,
            @RequestParam(required = false) @Nullable TicketStatus status,
            @RequestParam(required = false) @Nullable Long assignee,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(defaultValue = "false") boolean breached,
            @RequestParam(required = false) @Nullable TicketSort sort,
            @RequestParam(required = false) @Nullable Boolean desc,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var chosen = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        boolean agent = TicketQueries.isAgent(user);
        // as the queue: only agents choose a view, and theirs is MINE by default; the API list shows ALL
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        TicketView current = agent && view != null ? view : agent && !api ? TicketView.MINE : TicketView.ALL;
        TicketSort order = sort != null ? sort : agent ? TicketSort.DUE : TicketSort.CREATED;
        boolean descending = desc != null ? desc : order == TicketSort.CREATED;
        TicketFilter filter = new TicketFilter(current, status, assignee, customerId, breached);
        exports.write(
                response,
                chosen,
                "tickets",
                COLUMNS,
                user.id(),
                user.username(),
                ListExports.filters(
                        "view",
                        current,
                        "status",
                        status,
                        "assignee",
                        assignee,
                        "customerId",
                        customerId,
                        "breached",
                        breached,
                        "sort",
                        order,
                        "desc",
                        descending),
                sink -> queries.stream(filter, order, descending, user, sink));
    }
}

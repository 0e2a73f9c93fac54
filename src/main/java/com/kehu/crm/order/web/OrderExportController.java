package com.kehu.crm.order.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.OrderFilter;
import com.kehu.crm.order.OrderQueries;
import com.kehu.crm.order.OrderRow;
import com.kehu.crm.order.OrderStatus;
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
 * The order list as CSV or .xlsx with its filters. Only the list's columns (totals, paid, outstanding): no cost or
 * margin, so nothing a role may not see on the list leaves through the export.
 */
@Controller
@RequiredArgsConstructor
class OrderExportController {

    static final List<ExportColumn<OrderRow>> COLUMNS = List.of(
            ExportColumn.of("order.number", OrderRow::orderNumber),
            ExportColumn.of("order.customer", OrderRow::customerName),
            ExportColumn.of("order.orderDate", OrderRow::orderDate),
            ExportColumn.of("order.status", OrderRow::status),
            ExportColumn.of("order.currency", OrderRow::currency),
            ExportColumn.of("order.total", OrderRow::totalAmount),
            ExportColumn.of("order.paid", OrderRow::paidAmount),
            ExportColumn.of("order.outstanding", OrderRow::outstandingAmount));

    private final OrderQueries queries;
    private final ListExports exports;

    @GetMapping({"/orders/export", "/api/v1/orders/export"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Long customerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        var chosen = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        OrderFilter filter = new OrderFilter(status, q, from, to, customerId);
        exports.write(
                response,
                chosen,
                "orders",
                COLUMNS,
                user.id(),
                user.username(),
                ListExports.filters("status", status, "q", q, "from", from, "to", to, "customerId", customerId),
                sink -> queries.stream(filter, user, sink));
    }
}

package com.kehu.crm.customer.web;

import com.kehu.crm.customer.CustomerFilter;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerSort;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list as CSV or .xlsx, with the list's filters and sort (the screen's and the API's parameters), the
 * record rules applied in the query. Every role that reaches the list sees all its columns, so all are exported.
 */
@Controller
@RequiredArgsConstructor
class CustomerExportController {

    static final List<ExportColumn<CustomerRow>> COLUMNS = List.of(
            ExportColumn.of("customer.code", CustomerRow::code),
            ExportColumn.of("customer.name", CustomerRow::name),
            ExportColumn.of("customer.kind", CustomerRow::kind),
            ExportColumn.of("customer.status", CustomerRow::status),
            ExportColumn.of("customer.importance", CustomerRow::importance),
            ExportColumn.of("customer.phone", CustomerRow::phone),
            ExportColumn.of("customer.email", CustomerRow::email),
            ExportColumn.of("customer.industry", CustomerRow::industry),
            ExportColumn.of("customer.region", CustomerRow::region),
            ExportColumn.of("customer.source", CustomerRow::source),
            ExportColumn.of("customer.tags", CustomerRow::tags),
            ExportColumn.of("customer.owner", CustomerRow::ownerName),
            ExportColumn.of("customer.createdAt", CustomerRow::createdAt),
            ExportColumn.of("customer.updatedAt", CustomerRow::updatedAt));

    private final CustomerQueries queries;
    private final ListExports exports;

    @GetMapping({"/customers/export", "/api/v1/customers/export"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable Long owner,
            @RequestParam(required = false) @Nullable Industry industry,
            @RequestParam(required = false) @Nullable Region region,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "NAME") CustomerSort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        var chosen = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        CustomerFilter filter = new CustomerFilter(q, status, owner, industry, region, archived);
        exports.write(
                response,
                chosen,
                "customers",
                COLUMNS,
                user.id(),
                user.username(),
                ListExports.filters(
                        "q",
                        q,
                        "status",
                        status,
                        "owner",
                        owner,
                        "industry",
                        industry,
                        "region",
                        region,
                        "archived",
                        archived,
                        "sort",
                        sort,
                        "desc",
                        desc),
                sink -> queries.stream(filter, sort, desc, user, sink));
    }
}

package com.kehu.crm.contact.web;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.contact.ContactRow;
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

/** The contact list as CSV or .xlsx, with the list's search (and the API's customer filter) and record rules. */
@Controller
@RequiredArgsConstructor
class ContactExportController {

    static final List<ExportColumn<ContactRow>> COLUMNS = List.of(
            ExportColumn.of("contact.name", ContactRow::name),
            ExportColumn.of("contact.customer", ContactRow::customerName),
            ExportColumn.of("contact.title", ContactRow::title),
            ExportColumn.of("contact.department", ContactRow::department),
            ExportColumn.of("contact.mobile", ContactRow::mobile),
            ExportColumn.of("contact.officePhone", ContactRow::officePhone),
            ExportColumn.of("contact.email", ContactRow::email),
            ExportColumn.of("contact.wechat", ContactRow::wechat),
            ExportColumn.of("contact.preferredChannel", ContactRow::preferredChannel),
            ExportColumn.of("contact.responsible", ContactRow::responsible),
            ExportColumn.of("contact.decisionMaker", ContactRow::decisionMaker),
            ExportColumn.of("contact.doNotContact", ContactRow::doNotContact));

    private final ContactQueries queries;
    private final ListExports exports;

    @GetMapping({"/contacts/export", "/api/v1/contacts/export"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long customerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        var chosen = ListExports.format(format);
        CurrentUser user = principal.currentUser();
        exports.write(
                response,
                chosen,
                "contacts",
                COLUMNS,
                user.id(),
                user.username(),
                ListExports.filters("q", q, "customerId", customerId),
                sink -> queries.stream(q, customerId, user, sink));
    }
}

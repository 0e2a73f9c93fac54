package com.kehu.crm.contact.api;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.audit.AuditQueries;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.audit.HistoryItem;
import com.kehu.crm.shared.web.PageJson;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/contacts/{id}/history}: the contact's field changes, newest first, for whoever reads it. */
@RestController
@RequiredArgsConstructor
class ContactHistoryApiController {

    private final ContactQueries contacts;
    private final AuditQueries audit;
    private final UserQueries users;

    @GetMapping("/api/v1/contacts/{id}/history")
    PageJson<HistoryItem> history(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        contacts.details(id, user);
        return PageJson.of(audit.history(
                AuditedType.CONTACT, id, Math.max(page, 0), Math.max(1, Math.min(size, 200)), users::displayNames));
    }
}

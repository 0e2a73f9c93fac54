package com.kehu.crm.contact.web;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.audit.AuditQueries;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.audit.HistoryItem;
import com.kehu.crm.shared.web.HistoryViews;
import com.kehu.crm.shared.web.PageView;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The contact's "History" tab: who changed which field from what to what (shared.audit), loaded by htmx. */
@Controller
@RequiredArgsConstructor
class ContactHistoryController {

    static final int PAGE_SIZE = 50;

    /** Fields whose values are enum names, labelled {@code Enum.VALUE}. */
    static final Map<String, String> ENUM_FIELDS = Map.of("preferredChannel", "ContactChannel");

    private final ContactQueries contacts;
    private final AuditQueries audit;
    private final UserQueries users;
    private final HistoryViews views;

    @GetMapping("/contacts/{id}/history")
    String history(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model) {
        CurrentUser user = principal.currentUser();
        contacts.details(id, user);
        PageView<HistoryItem> history =
                audit.history(AuditedType.CONTACT, id, Math.max(page, 0), PAGE_SIZE, users::displayNames);
        model.addAttribute("historyPage", history);
        model.addAttribute("historyGroups", views.groups(history.content(), "contact", ENUM_FIELDS, locale));
        model.addAttribute("historyUrl", "/contacts/" + id + "/history");
        return "fragments/history :: history";
    }
}

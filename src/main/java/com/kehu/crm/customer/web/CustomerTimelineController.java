package com.kehu.crm.customer.web;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerTimeline;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer 360's timeline tab (时间线), loaded by htmx; "load more" asks for the entries before the last. */
@Controller
@RequestMapping("/customers/{customerId}/timeline")
@RequiredArgsConstructor
class CustomerTimelineController {

    static final int PAGE_SIZE = 20;

    private final CustomerTimeline timeline;
    private final CustomerQueries customers;
    private final MessageSource messages;

    /** An entry ready for the template: the title already in the reader's language. */
    record EntryView(
            Instant at,
            String kind,
            String title,
            @Nullable String detail,
            @Nullable String actor,
            @Nullable String link) {}

    @GetMapping
    String timeline(
            @PathVariable long customerId,
            @RequestParam(required = false) @Nullable Instant before,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model) {
        CurrentUser user = principal.currentUser();
        CustomerTimeline.Page page = timeline.page(customerId, before, PAGE_SIZE, user);
        List<EntryView> entries =
                page.entries().stream().map(e -> view(e, locale)).toList();
        model.addAttribute("customerId", customerId);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "nextBefore",
                page.nextBefore() == null ? null : page.nextBefore().toString());
        if (before != null) {
            return "customers/timeline :: entries";
        }
        model.addAttribute("canLog", customers.accessTo(customerId, user) == CustomerAccessLevel.WRITE);
        return "customers/timeline :: timeline";
    }

    private EntryView view(TimelineEntry e, Locale locale) {
        return new EntryView(
                e.at(), e.kind(), messages.getMessage(e.title(), locale), e.detail(), e.actorName(), e.link());
    }
}

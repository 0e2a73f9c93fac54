package com.kehu.crm.notification.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.notification.NotificationQueries;
import com.kehu.crm.notification.NotificationService;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The bell in the header (loaded by htmx after the page, so pages pay no extra query) and the notification list.
 * Opening a notification marks it read and follows its link, which is always an address inside the application.
 */
@Controller
@RequestMapping("/notifications")
@RequiredArgsConstructor
class NotificationController {

    private final NotificationQueries queries;
    private final NotificationService service;

    @GetMapping("/bell")
    String bell(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("unread", queries.unreadCount(principal.currentUser()));
        model.addAttribute("countCap", NotificationQueries.COUNT_CAP);
        return "notifications/list :: bell";
    }

    @GetMapping
    String list(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("notifications", queries.latest(principal.currentUser(), 50));
        return "notifications/list";
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.markRead(id, principal.currentUser());
        String link = queries.link(id, principal.currentUser())
                .filter(NotificationController::isLocal)
                .orElse("/notifications");
        return "redirect:" + link;
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal CrmUserDetails principal) {
        service.markAllRead(principal.currentUser());
        return "redirect:/notifications";
    }

    /** Only paths of this application: no scheme, no host, no protocol-relative "//". */
    static boolean isLocal(String link) {
        return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") && !link.contains(":");
    }
}

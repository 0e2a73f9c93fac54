package com.kehu.crm.analytics.web;

import com.kehu.crm.analytics.AnalyticsQueries;
import com.kehu.crm.analytics.CustomerAnalytics;
import com.kehu.crm.identity.CrmUserDetails;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer page's analytics tab (loaded by htmx): each class of the customer with its explanation in words and
 * numbers, and when the metrics were computed. Same record rules as the customer: someone who may not read it gets 404.
 */
@Controller
@RequiredArgsConstructor
class CustomerAnalyticsController {

    /** The explanations in the order the tab shows them. */
    static final List<String> SECTIONS =
            List.of("valueTier", "rfm", "clv", "clvTier", "loyalty", "lifecycle", "churn", "status");

    private final CustomerAnalytics analytics;
    private final AnalyticsQueries queries;

    @GetMapping("/customers/{id}/analytics")
    String tab(@PathVariable long id, Locale locale, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CustomerAnalytics.View view = analytics
                .of(id, principal.currentUser(), locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute(
                "sections",
                SECTIONS.stream()
                        .filter(view.explanations()::containsKey)
                        .map(section -> new Section(section, view.explanations().get(section)))
                        .toList());
        model.addAttribute("computed", queries.computed());
        return "analytics/customer-tab :: tab";
    }

    record Section(String key, String text) {}
}

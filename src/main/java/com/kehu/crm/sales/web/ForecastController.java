package com.kehu.crm.sales.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.PipelineScope;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.time.YearMonth;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The weighted forecast screen: per month, per rep, team subtotals and the company total. */
@Controller
@RequiredArgsConstructor
class ForecastController {

    private final OpportunityQueries queries;
    private final BusinessCalendar calendar;

    @GetMapping("/opportunities/forecast")
    String forecast(
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            @RequestParam(required = false) @Nullable PipelineScope scope,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        YearMonth start = from == null ? calendar.thisMonth() : from;
        YearMonth end = to == null ? start.plusMonths(5) : to;
        boolean rangeError = end.isBefore(start)
                || start.plusMonths(OpportunityQueries.MAX_FORECAST_MONTHS - 1).isBefore(end);
        if (rangeError) {
            end = start.plusMonths(5);
        }
        PipelineScope chosen = scope == null ? OpportunityController.defaultScope(user) : scope;
        model.addAttribute("forecast", queries.forecast(start, end, chosen, user));
        model.addAttribute("scopes", OpportunityController.scopesFor(user));
        model.addAttribute("rangeError", rangeError);
        model.addAttribute("maxMonths", OpportunityQueries.MAX_FORECAST_MONTHS);
        return "opportunities/forecast";
    }
}

package com.kehu.crm.analytics.api;

import com.kehu.crm.analytics.AnalyticsQueries;
import com.kehu.crm.analytics.AnalyticsSettings;
import com.kehu.crm.analytics.CustomerAnalytics;
import com.kehu.crm.analytics.FunnelReport;
import com.kehu.crm.analytics.SatisfactionReport;
import com.kehu.crm.analytics.SupportReport;
import com.kehu.crm.identity.CrmUserDetails;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The stored customer analytics, within the reader's record rules (a rep's cover the rep's customers). Every answer
 * says when the metrics were computed and over how many customers, and carries the parameters that shaped it.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@RequiredArgsConstructor
class AnalyticsApiController {

    private final AnalyticsQueries queries;
    private final CustomerAnalytics customers;
    private final AnalyticsSettings settings;
    private final SatisfactionReport satisfaction;
    private final FunnelReport funnel;
    private final SupportReport support;
    private final java.time.Clock clock;

    @GetMapping("/customers/{id}")
    CustomerAnalytics.View customer(
            @PathVariable long id, Locale locale, @AuthenticationPrincipal CrmUserDetails principal) {
        return customers
                .of(id, principal.currentUser(), locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/value-tiers")
    Map<String, Object> valueTiers(@AuthenticationPrincipal CrmUserDetails principal) {
        var p = settings.current();
        return answer(
                Map.of(
                        "vipShare", p.vipShare(),
                        "importantShare", p.importantShare(),
                        "ticketCost", p.ticketCost(),
                        "callCost", p.callCost(),
                        "touchCost", p.touchCost()),
                "result",
                queries.valueTiers(principal.currentUser(), p));
    }

    @GetMapping("/rfm")
    Map<String, Object> rfm(@AuthenticationPrincipal CrmUserDetails principal) {
        return answer(Map.of(), "result", queries.rfm(principal.currentUser()));
    }

    @GetMapping("/loyalty")
    Map<String, Object> loyalty(@AuthenticationPrincipal CrmUserDetails principal) {
        var p = settings.current();
        return answer(
                Map.of(
                        "loyaltyMinPurchaseDays", p.loyaltyMinPurchaseDays(),
                        "attitudeRecommendMin", p.attitudeRecommendMin(),
                        "attitudeRepurchaseMin", p.attitudeRepurchaseMin()),
                "classes",
                queries.counts(principal.currentUser(), AnalyticsQueries.Dimension.LOYALTY));
    }

    @GetMapping("/lifecycle")
    Map<String, Object> lifecycle(@AuthenticationPrincipal CrmUserDetails principal) {
        var p = settings.current();
        return answer(
                Map.of("explorationDays", p.explorationDays(), "lifecycleTrend", p.lifecycleTrend()),
                "stages",
                queries.counts(principal.currentUser(), AnalyticsQueries.Dimension.LIFECYCLE));
    }

    @GetMapping("/churn")
    Map<String, Object> churn(@AuthenticationPrincipal CrmUserDetails principal) {
        var p = settings.current();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("churnAliveBelow", p.churnAliveBelow());
        parameters.put("churnSilenceFactor", p.churnSilenceFactor());
        parameters.put("singleBuyerLostDays", p.singleBuyerLostDays());
        parameters.put("atRiskAliveBelow", p.atRiskAliveBelow());
        parameters.put("atRiskSilenceFactor", p.atRiskSilenceFactor());
        // the band the literature reports for annual churn, shown beside the rate
        parameters.put("literatureBand", new double[] {0.10, 0.30});
        return answer(parameters, "result", queries.churn(principal.currentUser()));
    }

    /**
     * Completed orders, revenue and margin per calendar month for the last {@code months} months (1 to 120, default
     * 12), as of the last refresh (the answer's "computed").
     */
    @GetMapping("/sales-trend")
    Map<String, Object> salesTrend(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "12") int months,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (months < 1 || months > 120) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "months must be between 1 and 120");
        }
        return answer(Map.of("months", months), "months", queries.salesTrend(principal.currentUser(), months));
    }

    /** The six satisfaction measures for answers from {@code from} to {@code to} (default: the last 12 months). */
    @GetMapping("/satisfaction")
    Map<String, Object> satisfaction(
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    java.time.@org.jspecify.annotations.Nullable LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    java.time.@org.jspecify.annotations.Nullable LocalDate to,
            @AuthenticationPrincipal CrmUserDetails principal) {
        com.kehu.crm.analytics.ReportPeriod period = period(from, to);
        return answer(
                Map.of("csiWeights", settings.current().csiWeights(), "promoterMin", 9, "detractorMax", 6),
                "result",
                satisfaction.report(period.from(), period.to(), principal.currentUser()));
    }

    /**
     * The funnel of deals from {@code from} to {@code to} (default: the last 12 months); {@code scope} ALL (what the
     * reader may see), MINE or TEAM.
     */
    @GetMapping("/funnel")
    Map<String, Object> funnel(
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    java.time.@org.jspecify.annotations.Nullable LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    java.time.@org.jspecify.annotations.Nullable LocalDate to,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "ALL") String scope,
            @AuthenticationPrincipal CrmUserDetails principal) {
        com.kehu.crm.analytics.ReportPeriod period = period(from, to);
        FunnelReport.Scope narrow;
        try {
            narrow = FunnelReport.Scope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "scope must be ALL, MINE or TEAM");
        }
        return answer(
                Map.of("scope", narrow.name()),
                "result",
                funnel.report(period.from(), period.to(), narrow, principal.currentUser()));
    }

    /** Service performance of the tickets opened from {@code from} to {@code to} (default: the last 12 months). */
    @GetMapping("/support")
    Map<String, Object> support(
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    java.time.@org.jspecify.annotations.Nullable LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    java.time.@org.jspecify.annotations.Nullable LocalDate to,
            @AuthenticationPrincipal CrmUserDetails principal) {
        com.kehu.crm.analytics.ReportPeriod period = period(from, to);
        return answer(Map.of(), "result", support.report(period.from(), period.to(), principal.currentUser()));
    }

    /** The asked period, by default the last 12 months up to today; 400 when it ends before it starts. */
    private com.kehu.crm.analytics.ReportPeriod period(
            java.time.@org.jspecify.annotations.Nullable LocalDate from,
            java.time.@org.jspecify.annotations.Nullable LocalDate to) {
        com.kehu.crm.analytics.ReportPeriod period = com.kehu.crm.analytics.ReportPeriod.of(from, to, clock);
        if (!period.valid()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to");
        }
        return period;
    }

    private Map<String, Object> answer(Map<String, Object> parameters, String name, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("computed", queries.computed());
        body.put("parameters", parameters);
        body.put(name, result);
        return body;
    }
}

package com.kehu.crm.sales.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.sales.Forecast;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.PipelineScope;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/pipeline/forecast?from=YYYY-MM&to=YYYY-MM&scope=mine|team|all}. */
@RestController
@RequestMapping("/api/v1/pipeline")
@Tag(name = "Pipeline")
@RequiredArgsConstructor
class PipelineApiController {

    private final OpportunityQueries queries;

    @GetMapping("/forecast")
    ResponseEntity<?> forecast(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "mine") String scope,
            @AuthenticationPrincipal CrmUserDetails principal) {
        YearMonth start;
        YearMonth end;
        try {
            start = YearMonth.parse(from);
            end = YearMonth.parse(to);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("from", "Pattern", "from and to are months: YYYY-MM"));
        }
        PipelineScope pipelineScope;
        try {
            pipelineScope = PipelineScope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("scope", "Pattern", "scope is mine, team or all"));
        }
        if (end.isBefore(start)
                || start.plusMonths(OpportunityQueries.MAX_FORECAST_MONTHS - 1).isBefore(end)) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem(
                            "to",
                            "Range",
                            "to must not be before from, and the range at most "
                                    + OpportunityQueries.MAX_FORECAST_MONTHS + " months"));
        }
        Forecast forecast = queries.forecast(start, end, pipelineScope, principal.currentUser());
        return ResponseEntity.ok(forecast);
    }
}

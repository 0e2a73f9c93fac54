package com.kehu.crm.analytics.api;

import com.kehu.crm.analytics.AnalyticsParameterChange;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics parameters: anyone signed in may read them (every figure shows the parameters that shaped it); only
 * admins change them (URL rule in identity.SecurityConfig), with the version they read ({@code ?version=}).
 */
@RestController
@RequestMapping("/api/v1/analytics/parameters")
@RequiredArgsConstructor
class AnalyticsParametersApiController {

    private final AnalyticsParameterChange parameters;

    @GetMapping
    AnalyticsParameterChange.Current current() {
        return parameters.current();
    }

    @PutMapping
    AnalyticsParameterChange.Current change(
            @RequestBody Map<String, Object> values,
            @RequestParam long version,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return parameters.change(values, version, principal.currentUser());
    }

    @ExceptionHandler(AnalyticsParameterChange.InvalidParametersException.class)
    ProblemDetail invalid(AnalyticsParameterChange.InvalidParametersException e) {
        // the detail lists every broken rule in English; errors name the field and the rule's message key
        ProblemDetail problem = ApiExceptionHandler.validationProblem(e.violations().stream()
                .map(v -> Map.of("field", v.field(), "code", v.rule(), "message", v.message()))
                .toList());
        problem.setDetail(e.getMessage());
        return problem;
    }

    @ExceptionHandler(AnalyticsParameterChange.StaleParametersException.class)
    ProblemDetail stale(AnalyticsParameterChange.StaleParametersException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}

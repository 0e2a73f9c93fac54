package com.kehu.crm.analytics.api;

import com.kehu.crm.analytics.ClvFits;
import com.kehu.crm.analytics.ClvTimeUnit;
import com.kehu.crm.analytics.MetricsRefresh;
import com.kehu.crm.identity.CrmUserDetails;
import java.net.URI;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starting and following the analytics computations, for managers and admins (URL rule in identity.SecurityConfig):
 * the metrics refresh (202 and a job to poll) and the lifetime-value model fit.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@RequiredArgsConstructor
class AnalyticsJobApiController {

    private final MetricsRefresh refresh;
    private final ClvFits fits;
    private final com.kehu.crm.analytics.AnalyticsSettings settings;

    record Started(long id, String status) {}

    @PostMapping("/refresh")
    ResponseEntity<Started> refresh(@AuthenticationPrincipal CrmUserDetails principal) {
        long id = refresh.request(principal.currentUser().id());
        String status = refresh.status(id).map(MetricsRefresh.Status::status).orElse("QUEUED");
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/analytics/refresh/" + id))
                .body(new Started(id, status));
    }

    @GetMapping("/refresh/{id}")
    MetricsRefresh.Status refreshStatus(@PathVariable long id) {
        return refresh.status(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    record FitRequest(
            @Nullable LocalDate calibrationEnd,
            @Nullable ClvTimeUnit timeUnit,
            @Nullable LocalDate cohortFrom,
            @Nullable LocalDate cohortTo) {}

    record BgNbdView(double r, double alpha, double a, double b, double logLikelihood, int customers) {}

    record GammaGammaView(
            double p, double q, double gamma, @Nullable Double logLikelihood, int customers) {}

    record FitView(
            long id,
            LocalDate calibrationEnd,
            ClvTimeUnit timeUnit,
            @Nullable LocalDate cohortFrom,
            @Nullable LocalDate cohortTo,
            BgNbdView bgnbd,
            @Nullable GammaGammaView gammaGamma) {}

    @PostMapping("/clv/fit")
    ResponseEntity<?> fit(@RequestBody FitRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.calibrationEnd() == null) {
            return problem(HttpStatus.BAD_REQUEST, "calibrationEnd (YYYY-MM-DD) is required");
        }
        if (body.cohortFrom() != null
                && body.cohortTo() != null
                && body.cohortFrom().isAfter(body.cohortTo())) {
            return problem(HttpStatus.BAD_REQUEST, "cohortFrom must not be after cohortTo");
        }
        ClvFits.Fit fit = fits.fit(
                new ClvFits.Request(
                        body.calibrationEnd(),
                        // without one in the request, the time unit of the parameters (default WEEK)
                        body.timeUnit() == null ? settings.current().clvTimeUnit() : body.timeUnit(),
                        body.cohortFrom(),
                        body.cohortTo()),
                principal.currentUser().id());
        return ResponseEntity.ok(view(fit));
    }

    static FitView view(ClvFits.Fit fit) {
        return new FitView(
                fit.id(),
                fit.calibrationEnd(),
                fit.timeUnit(),
                fit.cohortFrom(),
                fit.cohortTo(),
                new BgNbdView(
                        fit.bgNbd().r(),
                        fit.bgNbd().alpha(),
                        fit.bgNbd().a(),
                        fit.bgNbd().b(),
                        fit.bgLogLikelihood(),
                        fit.bgCustomers()),
                fit.gammaGamma() == null
                        ? null
                        : new GammaGammaView(
                                fit.gammaGamma().p(),
                                fit.gammaGamma().q(),
                                fit.gammaGamma().gamma(),
                                fit.ggLogLikelihood(),
                                fit.ggCustomers()));
    }

    @ExceptionHandler(ClvFits.NothingToFitException.class)
    ProblemDetail nothingToFit() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "No completed purchases in the calibration period and cohort.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}

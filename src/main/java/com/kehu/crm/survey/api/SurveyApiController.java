package com.kehu.crm.survey.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import com.kehu.crm.survey.InvalidSurveyAnswersException;
import com.kehu.crm.survey.SurveyAlreadyAnsweredException;
import com.kehu.crm.survey.SurveyAnswers;
import com.kehu.crm.survey.SurveyFilter;
import com.kehu.crm.survey.SurveyQueries;
import com.kehu.crm.survey.SurveyResponseView;
import com.kehu.crm.survey.SurveyResponses;
import com.kehu.crm.survey.SurveyRules;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/surveys/responses}: record a response taken over the phone, list and read them. */
@RestController
@RequestMapping("/api/v1/surveys/responses")
@Tag(name = "Surveys")
@RequiredArgsConstructor
class SurveyApiController {

    private final SurveyQueries queries;
    private final SurveyResponses responses;
    private final MessageSource messages;

    @GetMapping
    PageJson<SurveyResponseView> list(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long ticketId,
            @RequestParam(required = false) @Nullable Long orderId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return PageJson.of(
                queries.list(new SurveyFilter(customerId, ticketId, orderId), page, size, principal.currentUser()));
    }

    @GetMapping("/{id}")
    SurveyResponseView get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @RequestBody SurveyResponseRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        List<SurveyRules.Violation> violations = new ArrayList<>(SurveyRules.check(
                body.overall(),
                body.attributes(),
                body.expectation(),
                body.performance(),
                body.repurchaseIntent(),
                body.recommend(),
                body.comment(),
                queries.activeAttributeCodes()));
        if (body.customerId() == null && body.ticketId() == null && body.orderId() == null) {
            violations.add(new SurveyRules.Violation("customerId", "survey.error.subject"));
        }
        if (!violations.isEmpty()) {
            return ResponseEntity.badRequest().body(problem(violations));
        }
        Map<String, Integer> ratings = new LinkedHashMap<>();
        Objects.requireNonNull(body.attributes())
                .forEach((code, score) -> ratings.put(code, Objects.requireNonNull(score)));
        SurveyAnswers answers = new SurveyAnswers(
                Objects.requireNonNull(body.overall()),
                ratings,
                Objects.requireNonNull(body.expectation()),
                Objects.requireNonNull(body.performance()),
                Objects.requireNonNull(body.repurchaseIntent()),
                Objects.requireNonNull(body.recommend()),
                body.comment());
        long id = responses.record(
                new SurveyResponses.Recorded(body.customerId(), body.ticketId(), body.orderId(), answers),
                principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/surveys/responses/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @ExceptionHandler(InvalidSurveyAnswersException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSurveyAnswersException e) {
        return ResponseEntity.badRequest().body(problem(e.violations()));
    }

    @ExceptionHandler(SurveyAlreadyAnsweredException.class)
    ProblemDetail alreadyAnswered() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "This ticket or order already has a survey response.");
    }

    private ProblemDetail problem(List<SurveyRules.Violation> violations) {
        return ApiExceptionHandler.validationProblem(violations.stream()
                .map(v -> Map.of(
                        "field", v.field(),
                        "code", v.messageKey(),
                        "message", messages.getMessage(v.messageKey(), null, v.messageKey(), Locale.ENGLISH)))
                .toList());
    }
}

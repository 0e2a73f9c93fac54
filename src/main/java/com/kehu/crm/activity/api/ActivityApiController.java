package com.kehu.crm.activity.api;

import com.kehu.crm.activity.ActivityFilter;
import com.kehu.crm.activity.ActivityQueries;
import com.kehu.crm.activity.ActivityRow;
import com.kehu.crm.activity.ActivityService;
import com.kehu.crm.activity.ActivityType;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.sales.IllegalLeadStateException;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/activities}: activities and tasks under the record rules of their customer or lead. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities")
@RequiredArgsConstructor
class ActivityApiController {

    private final ActivityQueries queries;
    private final ActivityService service;

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long leadId,
            @RequestParam(required = false) @Nullable Long opportunityId,
            @RequestParam(required = false) @Nullable ActivityType type,
            @RequestParam(defaultValue = "false") boolean openTasks,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        var view = queries.search(
                new ActivityFilter(customerId, leadId, opportunityId, type, openTasks),
                page,
                size,
                principal.currentUser());
        return PageJson.of(view);
    }

    @GetMapping("/{id}")
    ActivityRow get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody ActivityRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.customerId() == null && body.leadId() == null && body.opportunityId() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem(
                            "customerId", "NotNull", "customerId, leadId or opportunityId is required"));
        }
        long id = service.create(body.customerId(), body.leadId(), body.toData(), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody ActivityRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        service.update(id, body.version(), body.toData(), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @PostMapping("/{id}/done")
    ActivityRow done(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.markDone(id, principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.delete(id, principal.currentUser());
    }

    /** The lead is in the pool or closed: it cannot be worked, so nothing is logged. */
    @ExceptionHandler(IllegalLeadStateException.class)
    ResponseEntity<ProblemDetail> leadNotWorkable(IllegalLeadStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The lead cannot be worked: claim it first, or it is closed.");
        problem.setProperty("code", e.reasonKey());
        problem.setProperty("reason", e.reasonKey()); // the name before 0.5; kept for existing clients
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}

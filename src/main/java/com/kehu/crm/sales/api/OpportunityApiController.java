package com.kehu.crm.sales.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.sales.NewOpportunity;
import com.kehu.crm.sales.OpportunityDetails;
import com.kehu.crm.sales.OpportunityFilter;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityService;
import com.kehu.crm.sales.OpportunitySort;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/opportunities}: CRUD and stage moves, under the same record rules as the screens. */
@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities")
@RequiredArgsConstructor
class OpportunityApiController {

    private final OpportunityQueries queries;
    private final OpportunityService service;
    private final SalesProperties properties;

    /** A stage move: {@code {"stage": "LOST", "lossReason": "price"}}. */
    record StageRequest(
            @Nullable PipelineStage stage, @Nullable String lossReason) {}

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable PipelineStage stage,
            @RequestParam(required = false) @Nullable Long ownerId,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable OpportunityType type,
            @RequestParam(required = false) @Nullable LocalDate closeFrom,
            @RequestParam(required = false) @Nullable LocalDate closeTo,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "CLOSE_DATE") OpportunitySort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        var view = queries.list(
                new OpportunityFilter(q, stage, ownerId, customerId, type, closeFrom, closeTo, open),
                sort,
                desc,
                page,
                size,
                principal.currentUser());
        return PageJson.of(view);
    }

    @GetMapping("/{id}")
    OpportunityDetails get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody OpportunityRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.customerId() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("customerId", "NotNull", "customerId is required"));
        }
        long id = service.open(
                new NewOpportunity(body.customerId(), body.toData(properties.currency()), body.ownerId(), null),
                principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody OpportunityRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        service.update(id, body.version(), body.toData(properties.currency()), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @PostMapping("/{id}/stage")
    ResponseEntity<?> stage(
            @PathVariable long id, @RequestBody StageRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.stage() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("stage", "NotNull", "stage is required"));
        }
        service.moveTo(id, body.stage(), body.lossReason(), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.delete(id, principal.currentUser());
    }
}

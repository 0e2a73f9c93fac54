package com.kehu.crm.support.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import com.kehu.crm.support.NewTicket;
import com.kehu.crm.support.TicketDetails;
import com.kehu.crm.support.TicketFilter;
import com.kehu.crm.support.TicketQueries;
import com.kehu.crm.support.TicketResolution;
import com.kehu.crm.support.TicketService;
import com.kehu.crm.support.TicketSort;
import com.kehu.crm.support.TicketStatus;
import com.kehu.crm.support.TicketView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
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

/** {@code /api/v1/tickets}: the queue, one ticket with comments and history, logging, edits, moves, comments. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
@RequiredArgsConstructor
class TicketApiController {

    private final TicketQueries queries;
    private final TicketService service;

    /** {@code {"status": "RESOLVED", "resolutionSummary": "..."}}; complaint fields optional. */
    record StatusRequest(
            @Nullable TicketStatus status,
            @Nullable String resolutionSummary,
            @Nullable String compensationRequested,
            @Nullable String compensationGranted,
            @Nullable BigDecimal compensationAmount,
            @Nullable String remedialAction) {}

    /** {@code {"assigneeId": 7}}; without an assignee the caller claims the ticket. */
    record AssignRequest(@Nullable Long assigneeId) {}

    record CommentRequest(@Nullable String body, @Nullable Boolean internal) {}

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable TicketStatus status,
            @RequestParam(required = false) @Nullable Long assignee,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(defaultValue = "false") boolean breached,
            @RequestParam(defaultValue = "DUE") TicketSort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        var view = queries.list(
                new TicketFilter(TicketView.ALL, status, assignee, customerId, breached),
                sort,
                desc,
                page,
                size,
                principal.currentUser());
        return PageJson.of(view);
    }

    @GetMapping("/{id}")
    TicketDetails get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody TicketRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.customerId() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("customerId", "NotNull", "customerId is required"));
        }
        long id = service.open(
                new NewTicket(body.customerId(), body.contactId(), body.orderId(), body.toData(), body.assigneeId()),
                principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody TicketRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        service.update(id, body.version(), body.toData(), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.delete(id, principal.currentUser());
    }

    @PostMapping("/{id}/status")
    ResponseEntity<?> status(
            @PathVariable long id, @RequestBody StatusRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.status() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("status", "NotNull", "status is required"));
        }
        service.changeStatus(
                id,
                body.status(),
                new TicketResolution(
                        body.resolutionSummary(),
                        body.compensationRequested(),
                        body.compensationGranted(),
                        body.compensationAmount(),
                        body.remedialAction()),
                principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @PostMapping("/{id}/assign")
    TicketDetails assign(
            @PathVariable long id, @RequestBody AssignRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.assigneeId() == null) {
            service.claim(id, principal.currentUser());
        } else {
            service.assign(id, body.assigneeId(), principal.currentUser());
        }
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/comments")
    ResponseEntity<?> comment(
            @PathVariable long id,
            @RequestBody CommentRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.body() == null || body.body().isBlank() || body.body().length() > 10_000) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("body", "Size", "body must be 1-10000 characters"));
        }
        service.comment(id, body.body(), Boolean.TRUE.equals(body.internal()), principal.currentUser());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.details(id, principal.currentUser()));
    }

    /** A refused move or edit: 409 with the reason in words and as a code clients can test. */
}

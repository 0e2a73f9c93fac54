package com.kehu.crm.support.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import com.kehu.crm.support.CallLinkException;
import com.kehu.crm.support.CallQueries;
import com.kehu.crm.support.CallRow;
import com.kehu.crm.support.CallService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/calls}: list with {@code customerId}, {@code ticketId}, {@code agentId} filters; log; correct. */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls")
@RequiredArgsConstructor
class CallApiController {

    private final CallQueries queries;
    private final CallService service;

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long ticketId,
            @RequestParam(required = false) @Nullable Long agentId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return PageJson.of(queries.list(
                new CallQueries.Filter(customerId, ticketId, agentId), page, size, principal.currentUser()));
    }

    @GetMapping("/{id}")
    CallRow get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<CallRow> create(
            @Valid @RequestBody CallRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        long id = service.log(body.toData(), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/calls/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody CallRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        service.update(id, body.version(), body.toData(), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @ExceptionHandler(CallLinkException.class)
    ResponseEntity<ProblemDetail> otherCustomer(CallLinkException e) {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        e.field(), "OtherCustomer", "belongs to another customer than the call"));
    }
}

package com.kehu.crm.contact.api;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.contact.ContactRow;
import com.kehu.crm.contact.ContactService;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** {@code /api/v1/contacts}: CRUD with a {@code customerId} filter, under the customer's record rules. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
@RequiredArgsConstructor
class ContactApiController {

    private final ContactQueries queries;
    private final ContactService service;

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        var view = queries.list(q, customerId, page, size, principal.currentUser());
        return PageJson.of(view);
    }

    @GetMapping("/{id}")
    ContactRow get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody ContactRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.customerId() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("customerId", "NotNull", "customerId is required"));
        }
        long id = service.create(body.customerId(), body.toData(), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody ContactRequest body,
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
}

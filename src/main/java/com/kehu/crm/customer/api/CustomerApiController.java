package com.kehu.crm.customer.api;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerFilter;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerSort;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.DuplicateCustomerCodeException;
import com.kehu.crm.customer.IllegalStatusTransitionException;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.OwnerNotAssignableException;
import com.kehu.crm.customer.ProfileSchema;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RetentionFlag;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** {@code /api/v1/customers}: the same services, record rules and validation as the screens. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
@RequiredArgsConstructor
class CustomerApiController {

    private final CustomerQueries queries;
    private final CustomerService service;
    private final UserQueries users;

    @GetMapping
    PageJson<CustomerJson> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable Industry industry,
            @RequestParam(required = false) @Nullable Region region,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "NAME") CustomerSort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CustomerFilter filter = new CustomerFilter(q, status, null, industry, region, archived);
        return PageJson.of(queries.list(filter, sort, desc, page, size, principal.currentUser()), CustomerJson::of);
    }

    @GetMapping("/{id}")
    CustomerJson get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return CustomerJson.of(queries.details(id, principal.currentUser()));
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody CustomerRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        ProblemDetail invalid = profileProblems(body.kindOrDefault(), body.profile());
        if (invalid != null) {
            return ResponseEntity.badRequest().body(invalid);
        }
        Long ownerId = null;
        if (body.owner() != null && !body.owner().isBlank()) {
            ownerId = users.refByUsername(body.owner()).map(UserRef::id).orElse(-1L);
        }
        long id =
                service.register(new RegisterCustomer(body.kindOrDefault(), body.code(), body.toData(), ownerId), user);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id))
                .body(CustomerJson.of(queries.details(id, user)));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody CustomerRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        CustomerDetails current = queries.details(id, user);
        ProblemDetail invalid = profileProblems(current.kind(), body.profile());
        if (invalid != null) {
            return ResponseEntity.badRequest().body(invalid);
        }
        Long ownerId = body.owner() == null || body.owner().isBlank()
                ? null
                : users.refByUsername(body.owner()).map(UserRef::id).orElse(-1L);
        service.update(id, body.version(), body.toData(), ownerId, user);
        CustomerDetails saved = queries.row(id, user) == null ? current : queries.details(id, user);
        return ResponseEntity.ok(CustomerJson.of(saved));
    }

    /** The flag for customers not worth retaining (bad credit, fraud); {@code {"flag": null}} clears it. */
    record RetentionFlagRequest(@Nullable RetentionFlag flag) {}

    @PutMapping("/{id}/retention-flag")
    CustomerJson flagRetention(
            @PathVariable long id,
            @RequestBody RetentionFlagRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        service.flagRetention(id, body.flag(), user);
        return CustomerJson.of(queries.details(id, user));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.archive(id, principal.currentUser());
    }

    @ExceptionHandler(DuplicateCustomerCodeException.class)
    ResponseEntity<ProblemDetail> duplicateCode() {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiExceptionHandler.fieldProblem("code", "customer.code.taken", "code is already in use"));
    }

    @ExceptionHandler(OwnerNotAssignableException.class)
    ResponseEntity<ProblemDetail> ownerNotAssignable() {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        "owner", "customer.owner.notAssignable", "you cannot assign customers to this user"));
    }

    @ExceptionHandler(IllegalStatusTransitionException.class)
    ResponseEntity<ProblemDetail> illegalStatus(IllegalStatusTransitionException e) {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        "status",
                        "customer.status.notAllowed",
                        "status cannot move from " + e.from() + " to " + e.to()));
    }

    private static @Nullable ProblemDetail profileProblems(CustomerKind kind, @Nullable Map<String, String> profile) {
        if (profile == null) {
            return null;
        }
        List<Map<String, String>> errors = new ArrayList<>();
        profile.forEach((key, value) -> {
            var field = ProfileSchema.field(kind, key);
            if (field.isEmpty()) {
                errors.add(Map.of(
                        "field", "profile." + key, "code", "profile.unknown", "message", "unknown profile field"));
            } else if (value != null && !value.isBlank()) {
                field.get()
                        .problemWith(value.strip())
                        .ifPresent(code -> errors.add(
                                Map.of("field", "profile." + key, "code", code, "message", "invalid value")));
            }
        });
        return errors.isEmpty() ? null : ApiExceptionHandler.validationProblem(errors);
    }
}

package com.kehu.crm.order.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.order.OrderDetails;
import com.kehu.crm.order.OrderFilter;
import com.kehu.crm.order.OrderQueries;
import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.order.OrderService;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
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

/** {@code /api/v1/orders}: orders under their customer's record rules, with status moves and payments. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
@RequiredArgsConstructor
class OrderApiController {

    private final OrderQueries queries;
    private final OrderService service;
    private final OrderProblems problems;
    private final SalesProperties sales;
    private final BusinessCalendar calendar;

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return OrderProblems.page(queries.list(
                new OrderFilter(status, null, null, null, customerId), page, size, principal.currentUser()));
    }

    @GetMapping("/{id}")
    OrderDetails get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody OrderRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.customerId() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("customerId", "NotNull", "customerId is required"));
        }
        long id = service.create(body.toDraft(body.customerId(), today(), sales.currency()), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    /** Replaces a draft's date, currency and lines; customer and source deal stay. */
    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody OrderRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        OrderDetails current = queries.details(id, principal.currentUser());
        OrderRequest fixed = new OrderRequest(
                current.customerId(),
                current.sourceOpportunityId(),
                body.orderDate() == null ? current.orderDate() : body.orderDate(),
                body.currency() == null ? current.currency() : body.currency(),
                body.lines(),
                body.version());
        service.update(
                id,
                body.version(),
                fixed.toDraft(current.customerId(), today(), current.currency()),
                principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @PostMapping("/{id}/status")
    OrderDetails changeStatus(
            @PathVariable long id,
            @Valid @RequestBody StatusRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        service.changeStatus(id, body.status(), principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/payments")
    ResponseEntity<OrderDetails> recordPayment(
            @PathVariable long id,
            @Valid @RequestBody PaymentRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        service.recordPayment(id, body.toPayment(), principal.currentUser());
        return ResponseEntity.status(201).body(queries.details(id, principal.currentUser()));
    }

    @ExceptionHandler(OrderRuleException.class)
    ProblemDetail refused(OrderRuleException e) {
        return problems.of(e);
    }

    private LocalDate today() {
        return calendar.today();
    }
}

package com.kehu.crm.order.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.order.ProductQueries;
import com.kehu.crm.order.ProductRow;
import com.kehu.crm.order.ProductService;
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

/**
 * {@code /api/v1/products}: the price list; sellers read, managers and admins write; DELETE deactivates. A product
 * carries its category's code and names; {@code category} (a code) filters the list and sets it on POST and PUT.
 */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products")
@RequiredArgsConstructor
class ProductApiController {

    private final ProductQueries queries;
    private final ProductService service;
    private final OrderProblems problems;

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return OrderProblems.page(queries.list(q, active, category, page, size));
    }

    @GetMapping("/{id}")
    ProductRow get(@PathVariable long id) {
        return queries.details(id);
    }

    @PostMapping
    ResponseEntity<ProductRow> create(
            @Valid @RequestBody ProductRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        long id = service.create(body.toData(), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/products/" + id)).body(queries.details(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody ProductRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        service.update(id, body.version(), body.toData(), principal.currentUser());
        return ResponseEntity.ok(queries.details(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.deactivate(id, principal.currentUser());
    }

    @ExceptionHandler(OrderRuleException.class)
    ProblemDetail refused(OrderRuleException e) {
        return problems.of(e);
    }
}

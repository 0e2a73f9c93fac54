package com.kehu.crm.support.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import com.kehu.crm.support.KbArticleDetails;
import com.kehu.crm.support.KbQueries;
import com.kehu.crm.support.KbService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/kb/articles}: search ({@code q}, {@code category}), read (source and rendered HTML), write, and
 * DELETE, which unpublishes a published article and deletes a draft no ticket links to.
 */
@RestController
@RequestMapping("/api/v1/kb/articles")
@Tag(name = "Knowledge base")
@RequiredArgsConstructor
class KbApiController {

    private final KbQueries queries;
    private final KbService service;

    @GetMapping
    PageJson<?> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long category,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return PageJson.of(queries.search(q, category, page, size, principal.currentUser()));
    }

    @GetMapping("/{id}")
    KbArticleDetails get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<KbArticleDetails> create(
            @Valid @RequestBody KbArticleRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        long id = service.create(body.toData(), Boolean.TRUE.equals(body.published()), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody KbArticleRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        service.update(id, body.version(), body.toData(), principal.currentUser());
        if (body.published() != null) {
            if (body.published()) {
                service.publish(id, principal.currentUser());
            } else {
                service.unpublish(id, principal.currentUser());
            }
        }
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.withdraw(id, principal.currentUser());
        return ResponseEntity.noContent().build();
    }
}

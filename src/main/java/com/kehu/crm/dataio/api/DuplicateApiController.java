package com.kehu.crm.dataio.api;

import com.kehu.crm.customer.IllegalStatusTransitionException;
import com.kehu.crm.customer.OwnerNotAssignableException;
import com.kehu.crm.dataio.DuplicateCluster;
import com.kehu.crm.dataio.DuplicateMerge;
import com.kehu.crm.dataio.DuplicatePair;
import com.kehu.crm.dataio.Duplicates;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
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

/** Likely duplicate customers and their merge, for managers and admins. */
@RestController
@RequestMapping("/api/v1/customers")
@RequiredArgsConstructor
class DuplicateApiController {

    private final Duplicates duplicates;
    private final DuplicateMerge merge;

    record MergeRequest(
            @NotNull Long mergeId,
            @NotNull Long keepVersion,
            @NotNull Long mergeVersion,
            @Nullable Map<String, String> fields) {}

    record MergeResult(long keptId, long mergedId, Map<String, Integer> moved) {}

    /**
     * One page of each list: pairs (same phone, e-mail or a similar name) and clusters (identical names), both best
     * first; {@code morePairs} and {@code moreClusters} tell whether the next page has any.
     */
    record DuplicatesPage(
            int page,
            int size,
            List<DuplicatePair> pairs,
            boolean morePairs,
            List<DuplicateCluster> clusters,
            boolean moreClusters) {}

    @GetMapping("/duplicates")
    DuplicatesPage duplicates(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        int limit = Math.max(1, Math.min(size, 200));
        int number = Math.max(page, 0);
        List<DuplicatePair> pairs = duplicates.page(principal.currentUser(), number, limit);
        List<DuplicateCluster> clusters = duplicates.clusters(principal.currentUser(), number, limit);
        return new DuplicatesPage(
                number,
                limit,
                pairs.stream().limit(limit).toList(),
                pairs.size() > limit,
                clusters.stream().limit(limit).toList(),
                clusters.size() > limit);
    }

    @PostMapping("/{keepId}/merge")
    MergeResult merge(
            @PathVariable long keepId,
            @Valid @RequestBody MergeRequest request,
            @AuthenticationPrincipal CrmUserDetails principal) {
        Map<String, Integer> moved = merge.merge(
                keepId,
                request.mergeId(),
                request.keepVersion(),
                request.mergeVersion(),
                request.fields() == null ? Map.of() : request.fields(),
                principal.currentUser());
        return new MergeResult(keepId, request.mergeId(), moved);
    }

    @ExceptionHandler(IllegalStatusTransitionException.class)
    ResponseEntity<ProblemDetail> illegalStatus() {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        "fields.status", "customer.status.notAllowed", "the kept customer cannot move to this status"));
    }

    @ExceptionHandler(OwnerNotAssignableException.class)
    ResponseEntity<ProblemDetail> ownerNotAssignable() {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        "fields.owner", "customer.owner.notAssignable", "you cannot assign customers to this user"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> sameCustomer() {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        "mergeId", "duplicates.merge.same", "a customer cannot be merged into itself"));
    }
}

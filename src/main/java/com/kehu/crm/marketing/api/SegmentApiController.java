package com.kehu.crm.marketing.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.InvalidSegmentCriteriaException;
import com.kehu.crm.marketing.SegmentCustomer;
import com.kehu.crm.marketing.SegmentNameTakenException;
import com.kehu.crm.marketing.SegmentQueries;
import com.kehu.crm.marketing.SegmentService;
import com.kehu.crm.marketing.SegmentSnapshotView;
import com.kehu.crm.marketing.SegmentSnapshots;
import com.kehu.crm.marketing.SegmentView;
import com.kehu.crm.marketing.web.SegmentExport;
import com.kehu.crm.shared.export.ExportFormat;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
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
 * {@code /api/v1/segments}: saved customer filters, their customers (marketing fields only), counts, exports, and
 * adding a segment to a campaign. Marketers, managers and admins.
 */
@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Segments")
@RequiredArgsConstructor
class SegmentApiController {

    private final SegmentQueries queries;
    private final SegmentService service;
    private final SegmentSnapshots snapshots;
    private final SegmentExport export;
    private final MessageSource messages;

    @GetMapping
    PageJson<SegmentJson> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return PageJson.of(queries.list(page, size, principal.currentUser()), v -> SegmentJson.of(v, null));
    }

    @GetMapping("/{id}")
    SegmentJson get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return withCount(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody SegmentRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        long id = service.create(body.toData(), user);
        return ResponseEntity.created(URI.create("/api/v1/segments/" + id)).body(withCount(id, user));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody SegmentRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        CurrentUser user = principal.currentUser();
        service.update(id, body.version(), body.toData(), user);
        return ResponseEntity.ok(withCount(id, user));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.delete(id, principal.currentUser());
    }

    @GetMapping("/{id}/count")
    Map<String, Long> count(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return Map.of("count", queries.count(id, principal.currentUser()));
    }

    @GetMapping("/{id}/customers")
    PageJson<SegmentCustomer> customers(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        SegmentView segment = queries.get(id, user);
        return PageJson.of(queries.customers(segment.criteria(), page, size, user));
    }

    /** Snapshots the segment into the campaign: 200 with the counts when done, 202 with the progress while running. */
    @PostMapping("/{id}/campaigns/{campaignId}")
    ResponseEntity<SegmentSnapshotView> addToCampaign(
            @PathVariable long id, @PathVariable long campaignId, @AuthenticationPrincipal CrmUserDetails principal) {
        SegmentSnapshotView run = snapshots.addToCampaign(id, campaignId, principal.currentUser());
        return ResponseEntity.status(run.running() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(run);
    }

    /** The latest runs of "add to campaign" for the segment, newest first (poll it while one is running). */
    @GetMapping("/{id}/snapshots")
    List<SegmentSnapshotView> snapshots(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        queries.get(id, user);
        return queries.snapshots(id, user);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<?> export(
            @PathVariable long id,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        var chosen = ExportFormat.parse(format);
        if (chosen.isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("format", "invalid", "format is csv or xlsx"));
        }
        export.write(id, chosen.get(), principal.currentUser(), response);
        return null;
    }

    @ExceptionHandler(SegmentNameTakenException.class)
    ProblemDetail nameTaken() {
        return ApiExceptionHandler.fieldProblem("name", "taken", "Another segment already has this name.");
    }

    @ExceptionHandler(InvalidSegmentCriteriaException.class)
    ProblemDetail invalidCriteria(InvalidSegmentCriteriaException e) {
        return ApiExceptionHandler.validationProblem(e.problems().stream()
                .map(p -> Map.of(
                        "field",
                        "criteria." + p.field(),
                        "code",
                        p.messageKey(),
                        "message",
                        messages.getMessage(p.messageKey(), null, "invalid", Locale.ENGLISH)))
                .toList());
    }

    private SegmentJson withCount(long id, CurrentUser user) {
        SegmentView segment = queries.get(id, user);
        return SegmentJson.of(segment, queries.count(segment.criteria(), user));
    }
}

package com.kehu.crm.sales.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.sales.ConvertLead;
import com.kehu.crm.sales.DuplicateCustomersException;
import com.kehu.crm.sales.IllegalLeadStateException;
import com.kehu.crm.sales.LeadConversion;
import com.kehu.crm.sales.LeadConversionService;
import com.kehu.crm.sales.LeadFilter;
import com.kehu.crm.sales.LeadQueries;
import com.kehu.crm.sales.LeadRow;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadStatus;
import com.kehu.crm.sales.LeadView;
import com.kehu.crm.sales.OpportunityData;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
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

/** {@code /api/v1/leads}: the pool and private leads, their state changes and conversion, under the lead rules. */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
@RequiredArgsConstructor
class LeadApiController {

    private final LeadQueries queries;
    private final LeadService service;
    private final LeadConversionService conversions;
    private final SalesProperties properties;
    private final MessageSource messages;

    @GetMapping
    PageJson<?> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "MINE") String view,
            @RequestParam(required = false) @Nullable LeadStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        LeadView leadView = parseView(view);
        var result = queries.list(new LeadFilter(leadView, q, status, null, null), page, size, principal.currentUser());
        return PageJson.of(result);
    }

    @GetMapping("/{id}")
    LeadRow get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<LeadRow> create(
            @Valid @RequestBody LeadRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        long id = service.create(body.toData(), Boolean.TRUE.equals(body.keepForMyself()), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + id))
                .body(queries.details(id, principal.currentUser()));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody LeadRequest body,
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

    @PostMapping("/{id}/claim")
    LeadRow claim(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.claim(id, principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.release(id, principal.currentUser());
    }

    @PostMapping("/{id}/assign")
    ResponseEntity<?> assign(
            @PathVariable long id,
            @Valid @RequestBody NamedRequests.Assign body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        service.assign(id, Objects.requireNonNull(body.ownerId()), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @PostMapping("/{id}/follow-up")
    LeadRow followUp(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.recordFollowUp(id, principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/qualify")
    LeadRow qualify(
            @PathVariable long id,
            @RequestBody QualifyRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        service.qualify(id, body.willingToBuy(), body.ableToPay(), body.hasAuthority(), principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/disqualify")
    LeadRow disqualify(
            @PathVariable long id,
            @Valid @RequestBody NamedRequests.Disqualify body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        service.disqualify(id, body.reason(), principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/confirm")
    LeadRow confirm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        service.confirm(id, principal.currentUser());
        return queries.details(id, principal.currentUser());
    }

    @PostMapping("/{id}/convert")
    LeadConversion convert(
            @PathVariable long id,
            @Valid @RequestBody(required = false) @Nullable ConvertRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        ConvertLead command = body == null
                ? new ConvertLead(null, false, null)
                : new ConvertLead(
                        body.existingCustomerId(),
                        Boolean.TRUE.equals(body.ignoreDuplicates()),
                        body.opportunity() == null ? null : deal(body.opportunity()));
        return conversions.convert(id, command, principal.currentUser());
    }

    /** A refusal by the lead's rules: a fixed text per reason, never the exception's message. */
    @ExceptionHandler(IllegalLeadStateException.class)
    ProblemDetail refused(IllegalLeadStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, messages.getMessage(e.reasonKey(), null, "Not allowed now.", Locale.ENGLISH));
        problem.setTitle("Not possible in the lead's current state");
        problem.setProperty("code", e.reasonKey());
        problem.setProperty("reason", e.reasonKey()); // the name before 0.5; kept for existing clients
        return problem;
    }

    @ExceptionHandler(DuplicateCustomersException.class)
    ProblemDetail duplicates(DuplicateCustomersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Similar customers exist. Convert again with existingCustomerId to attach the lead to one of them,"
                        + " or with ignoreDuplicates true to create a new customer.");
        problem.setTitle("Possible duplicate customers");
        problem.setProperty("code", "lead.convert.duplicates");
        problem.setProperty("reason", "lead.convert.duplicates"); // the name before 0.5; kept for existing clients
        problem.setProperty(
                "candidates",
                e.candidates().stream()
                        .map(c -> {
                            Map<String, Object> json = new HashMap<>();
                            json.put("customerId", c.customerId());
                            json.put("code", c.code());
                            json.put("name", c.name());
                            json.put("ownerName", c.ownerName());
                            json.put("nameMatched", c.nameMatched());
                            json.put("phoneMatched", c.phoneMatched());
                            json.put("emailMatched", c.emailMatched());
                            json.put("canAttach", c.canAttach());
                            return json;
                        })
                        .toList());
        return problem;
    }

    private OpportunityData deal(ConvertRequest.Deal deal) {
        return new OpportunityData(
                deal.name(),
                deal.amount(),
                deal.currency() == null ? properties.currency() : deal.currency(),
                deal.expectedCloseDate(),
                deal.type() == null ? OpportunityType.NEW_BUSINESS : deal.type(),
                null,
                null,
                null);
    }

    private static LeadView parseView(String view) {
        return switch (view.toLowerCase(Locale.ROOT)) {
            case "pool" -> LeadView.POOL;
            case "team" -> LeadView.TEAM;
            case "awaiting", "awaiting_confirmation" -> LeadView.AWAITING_CONFIRMATION;
            default -> LeadView.MINE;
        };
    }
}

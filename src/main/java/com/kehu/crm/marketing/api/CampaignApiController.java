package com.kehu.crm.marketing.api;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.CampaignAttribution;
import com.kehu.crm.marketing.CampaignDetails;
import com.kehu.crm.marketing.CampaignExpenseRow;
import com.kehu.crm.marketing.CampaignFilter;
import com.kehu.crm.marketing.CampaignMemberRow;
import com.kehu.crm.marketing.CampaignMemberStatus;
import com.kehu.crm.marketing.CampaignPerformance;
import com.kehu.crm.marketing.CampaignProspect;
import com.kehu.crm.marketing.CampaignQueries;
import com.kehu.crm.marketing.CampaignRow;
import com.kehu.crm.marketing.CampaignService;
import com.kehu.crm.marketing.CampaignStatus;
import com.kehu.crm.marketing.CampaignType;
import com.kehu.crm.marketing.ExpenseCategory;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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

/**
 * {@code /api/v1/campaigns}: campaigns (CRUD and status), their members and responses, their expenses, and the
 * attributed performance. Refused rules answer 409 with a {@code code}; someone else's campaign 403 on change.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
@RequiredArgsConstructor
class CampaignApiController {

    private final CampaignQueries queries;
    private final CampaignService service;
    private final CampaignAttribution attribution;

    record StatusRequest(@Nullable CampaignStatus status) {}

    /** One of customerId, contactId, leadId or prospect. */
    record MemberRequest(
            @Nullable Long customerId,
            @Nullable Long contactId,
            @Nullable Long leadId,
            @Nullable @Valid ProspectRequest prospect) {}

    record ProspectRequest(
            @NotNull @Size(min = 1, max = 200) String name,
            @Nullable @Size(max = 200) String company,
            @Nullable @Size(max = 40) String phone,
            @Nullable @Size(max = 200) String email) {}

    record ResponseRequest(
            @Nullable CampaignMemberStatus status, @Nullable LocalDate date) {}

    record ExpenseRequest(
            @NotNull LocalDate spentOn,
            @NotNull ExpenseCategory category,

            @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2)
            BigDecimal amount,

            @Nullable @Size(max = 500) String note) {}

    /** The performance figures; ratios are null when their divisor is zero (no cost, no leads, nobody won). */
    record PerformanceJson(
            long campaignId,
            String currency,
            BigDecimal cost,
            BigDecimal revenue,
            BigDecimal margin,
            @Nullable BigDecimal roi,
            long orders,
            long leads,
            long customersWon,
            @Nullable BigDecimal costPerLead,
            @Nullable BigDecimal costPerCustomerWon,
            int attributionDays,
            String rule) {

        static PerformanceJson of(CampaignPerformance p) {
            return new PerformanceJson(
                    p.campaignId(),
                    p.currency(),
                    p.cost(),
                    p.revenue(),
                    p.margin(),
                    p.roi(),
                    p.orders(),
                    p.leads(),
                    p.customersWon(),
                    p.costPerLead(),
                    p.costPerCustomerWon(),
                    p.attributionDays(),
                    p.rule().name());
        }
    }

    @GetMapping
    PageJson<CampaignRow> list(
            @RequestParam(required = false) @Nullable CampaignStatus status,
            @RequestParam(required = false) @Nullable CampaignType type,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return PageJson.of(queries.list(
                new CampaignFilter(status, type, q),
                Math.max(page, 0),
                Math.min(Math.max(size, 1), 200),
                principal.currentUser()));
    }

    @GetMapping("/{id}")
    CampaignDetails get(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.details(id, principal.currentUser());
    }

    @PostMapping
    ResponseEntity<?> create(
            @Valid @RequestBody CampaignRequest body, @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        if (body.endOn().isBefore(body.startOn())) {
            return datesProblem();
        }
        long id = service.create(body.toData(user.id()), user);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).body(queries.details(id, user));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(
            @PathVariable long id,
            @Valid @RequestBody CampaignRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        if (body.version() == null) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem("version", "NotNull", "version is required"));
        }
        if (body.endOn().isBefore(body.startOn())) {
            return datesProblem();
        }
        CampaignDetails current = queries.details(id, user);
        service.update(id, body.version(), body.toData(current.row().ownerId()), user);
        return ResponseEntity.ok(queries.details(id, user));
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
        service.changeStatus(id, body.status(), principal.currentUser());
        return ResponseEntity.ok(queries.details(id, principal.currentUser()));
    }

    @GetMapping("/{id}/members")
    PageJson<CampaignMemberRow> members(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable CampaignMemberStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal CrmUserDetails principal) {
        return PageJson.of(queries.members(
                id, status, Math.max(page, 0), Math.min(Math.max(size, 1), 500), principal.currentUser()));
    }

    @PostMapping("/{id}/members")
    ResponseEntity<?> addMember(
            @PathVariable long id,
            @Valid @RequestBody MemberRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        int given = (body.customerId() == null ? 0 : 1)
                + (body.contactId() == null ? 0 : 1)
                + (body.leadId() == null ? 0 : 1)
                + (body.prospect() == null ? 0 : 1);
        if (given != 1) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem(
                            "customerId", "OneOf", "give exactly one of customerId, contactId, leadId, prospect"));
        }
        long memberId;
        if (body.customerId() != null) {
            memberId = service.addCustomer(id, body.customerId(), user);
        } else if (body.contactId() != null) {
            memberId = service.addContact(id, body.contactId(), user);
        } else if (body.leadId() != null) {
            memberId = service.addLead(id, body.leadId(), user);
        } else {
            ProspectRequest p = body.prospect();
            memberId = service.addProspect(id, new CampaignProspect(p.name(), p.company(), p.phone(), p.email()), user);
        }
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/members/" + memberId))
                .body(java.util.Map.of("id", memberId));
    }

    @PostMapping("/{id}/members/{memberId}/response")
    ResponseEntity<?> respond(
            @PathVariable long id,
            @PathVariable long memberId,
            @RequestBody ResponseRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        if (body.status() == null || !body.status().isResponse()) {
            return ResponseEntity.badRequest()
                    .body(ApiExceptionHandler.fieldProblem(
                            "status", "OneOf", "status is one of SENT, RESPONDED, ATTENDED"));
        }
        service.respond(id, memberId, body.status(), body.date(), principal.currentUser());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/members/{memberId}/convert")
    ResponseEntity<?> convert(
            @PathVariable long id, @PathVariable long memberId, @AuthenticationPrincipal CrmUserDetails principal) {
        long leadId = service.convertToLead(id, memberId, principal.currentUser());
        return ResponseEntity.ok(java.util.Map.of("leadId", leadId));
    }

    @GetMapping("/{id}/expenses")
    List<CampaignExpenseRow> expenses(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return queries.expenses(id, principal.currentUser());
    }

    @PostMapping("/{id}/expenses")
    ResponseEntity<?> addExpense(
            @PathVariable long id,
            @Valid @RequestBody ExpenseRequest body,
            @AuthenticationPrincipal CrmUserDetails principal) {
        long expenseId = service.addExpense(
                id, body.spentOn(), body.category(), body.amount(), body.note(), principal.currentUser());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/expenses/" + expenseId))
                .body(java.util.Map.of("id", expenseId));
    }

    @DeleteMapping("/{id}/expenses/{expenseId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeExpense(
            @PathVariable long id, @PathVariable long expenseId, @AuthenticationPrincipal CrmUserDetails principal) {
        service.removeExpense(id, expenseId, principal.currentUser());
    }

    @GetMapping("/{id}/performance")
    PerformanceJson performance(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        queries.requireReadable(id, principal.currentUser());
        return PerformanceJson.of(attribution.of(id));
    }

    private static ResponseEntity<?> datesProblem() {
        return ResponseEntity.badRequest()
                .body(ApiExceptionHandler.fieldProblem(
                        "endOn", "campaign.dates.order", "endOn must not be before startOn"));
    }
}

package com.kehu.crm.sales.web;

import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.sales.IllegalStageTransitionException;
import com.kehu.crm.sales.NewOpportunity;
import com.kehu.crm.sales.OpportunityDetails;
import com.kehu.crm.sales.OpportunityFilter;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityService;
import com.kehu.crm.sales.OpportunitySort;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.sales.PipelineScope;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The opportunity screens: list, kanban board (drag and drop through htmx, a stage form on every card without
 * JavaScript), create, detail with stage history, edit, stage moves, reassignment and the customer 360 tab.
 */
@Controller
@RequestMapping("/opportunities")
@RequiredArgsConstructor
class OpportunityController {

    private final OpportunityQueries queries;
    private final OpportunityService service;
    private final CustomerQueries customers;
    private final UserQueries users;
    private final SalesProperties properties;
    private final BusinessCalendar calendar;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable PipelineStage stage,
            @RequestParam(required = false) @Nullable Long owner,
            @RequestParam(required = false) @Nullable OpportunityType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "CLOSE_DATE") OpportunitySort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model) {
        CurrentUser user = principal.currentUser();
        OpportunityFilter filter = new OpportunityFilter(q, stage, owner, null, type, from, to, open);
        var opportunities = queries.list(filter, sort, desc, page, 25, user);
        model.addAttribute("filter", filter);
        model.addAttribute("opportunities", opportunities);
        model.addAttribute("pageLinks", Urls.pageLinks(opportunities));
        model.addAttribute("exportLinks", ListExports.links());
        model.addAttribute("sortLinks", Urls.sortLinks(sort, desc, OpportunitySort.values()));
        model.addAttribute("sort", sort);
        model.addAttribute("desc", desc);
        model.addAttribute("stages", PipelineStage.values());
        model.addAttribute("types", OpportunityType.values());
        model.addAttribute("owners", users.assignableOwners(user));
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "opportunities/list :: results";
        }
        return "opportunities/list";
    }

    @GetMapping("/board")
    String board(
            @RequestParam(required = false) @Nullable PipelineScope scope,
            @RequestParam(required = false) @Nullable Long owner,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model) {
        CurrentUser user = principal.currentUser();
        addBoard(model, scope == null ? defaultScope(user) : scope, owner, user);
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "opportunities/board :: board";
        }
        return "opportunities/board";
    }

    @GetMapping("/for-customer/{customerId}")
    String forCustomer(@PathVariable long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        model.addAttribute("opportunities", queries.forCustomer(customerId, user));
        model.addAttribute("customerId", customerId);
        model.addAttribute(
                "canCreate", customers.accessTo(customerId, user).name().equals("WRITE"));
        return "opportunities/list :: customer-opportunities";
    }

    @GetMapping("/new")
    String createForm(@RequestParam long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        OpportunityForm form = new OpportunityForm();
        form.setCustomerId(customerId);
        form.setCurrency(properties.currency());
        form.setOwnerId(principal.getId());
        form.setExpectedCloseDate(calendar.today().plusMonths(1));
        return form(model, form, null, principal.currentUser());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("opportunity") OpportunityForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return form(model, form, null, user);
        }
        try {
            long id = service.open(
                    new NewOpportunity(form.getCustomerId(), form.toData(), form.getOwnerId(), null), user);
            Flash.success(flash, "opportunity.created");
            return "redirect:/opportunities/" + id;
        } catch (IllegalStageTransitionException e) {
            result.rejectValue("ownerId", e.reasonKey());
            return form(model, form, null, user);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        OpportunityDetails opportunity = queries.details(id, user);
        model.addAttribute("opportunity", opportunity);
        model.addAttribute("openStages", PipelineStage.OPEN);
        model.addAttribute(
                "owners",
                opportunity.editable() && user.role() != Role.SALES_REP ? users.assignableOwners(user) : List.of());
        return "opportunities/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        OpportunityDetails opportunity = queries.details(id, user);
        if (!opportunity.editable() || !opportunity.stage().isOpen()) {
            throw new org.springframework.security.access.AccessDeniedException("not editable");
        }
        return form(model, OpportunityForm.of(opportunity), opportunity, user);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("opportunity") OpportunityForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        OpportunityDetails current = queries.details(id, user);
        form.setCustomerId(current.customerId());
        form.setOwnerId(current.ownerId());
        if (result.hasErrors()) {
            return form(model, form, current, user);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            // the user's input stays on the form; the saved values are shown beside it, the new version lets them save
            model.addAttribute("conflict", true);
            model.addAttribute("saved", current);
            form.setVersion(current.version());
            return form(model, form, current, user);
        } catch (IllegalStageTransitionException e) {
            Flash.error(flash, e.reasonKey());
            return "redirect:/opportunities/" + id;
        }
        Flash.success(flash, "opportunity.saved");
        return "redirect:/opportunities/" + id;
    }

    /**
     * Moves a deal; from the board (htmx drag and drop, or a card's stage form) the board is rendered again with the
     * outcome, elsewhere the browser goes back to the deal.
     */
    @PostMapping("/{id}/stage")
    String moveStage(
            @PathVariable long id,
            @RequestParam PipelineStage stage,
            @RequestParam(required = false) @Nullable String lossReason,
            @RequestParam(required = false) @Nullable PipelineScope scope,
            @RequestParam(required = false) @Nullable Long owner,
            @RequestParam(defaultValue = "false") boolean fromBoard,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        String messageKey = "opportunity.stage.moved";
        boolean failed = false;
        try {
            service.moveTo(id, stage, lossReason, user);
        } catch (IllegalStageTransitionException e) {
            messageKey = e.reasonKey();
            failed = true;
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            messageKey = "opportunity.stage.conflict";
            failed = true;
        }
        if (fromBoard && "true".equals(request.getHeader("HX-Request"))) {
            addBoard(model, scope == null ? defaultScope(user) : scope, owner, user);
            model.addAttribute(failed ? "boardError" : "boardMessage", messageKey);
            return "opportunities/board :: board";
        }
        if (failed) {
            Flash.error(flash, messageKey);
        } else {
            Flash.success(flash, messageKey);
        }
        if (fromBoard) {
            return "redirect:" + boardUrl(scope, owner);
        }
        return "redirect:/opportunities/" + id;
    }

    @PostMapping("/{id}/owner")
    String reassign(
            @PathVariable long id,
            @RequestParam long ownerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.reassign(id, ownerId, principal.currentUser());
            Flash.success(flash, "opportunity.reassigned");
        } catch (IllegalStageTransitionException e) {
            Flash.error(flash, e.reasonKey());
        }
        return queries.ref(id, principal.currentUser()).isPresent()
                ? "redirect:/opportunities/" + id
                : "redirect:/opportunities";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        OpportunityDetails opportunity = queries.details(id, principal.currentUser());
        try {
            service.delete(id, principal.currentUser());
        } catch (IllegalStageTransitionException e) {
            Flash.error(flash, e.reasonKey());
            return "redirect:/opportunities/" + id;
        }
        Flash.success(flash, "opportunity.deleted");
        return "redirect:/customers/" + opportunity.customerId() + "#tab-opportunities";
    }

    private void addBoard(Model model, PipelineScope scope, @Nullable Long owner, CurrentUser user) {
        model.addAttribute("board", queries.board(scope, owner, user, calendar.today()));
        model.addAttribute("scope", scope);
        model.addAttribute("owner", owner);
        model.addAttribute("scopes", scopesFor(user));
        model.addAttribute("owners", scope == PipelineScope.MINE ? List.of() : users.assignableOwners(user));
        model.addAttribute("closedDays", com.kehu.crm.sales.PipelineBoard.CLOSED_DAYS);
    }

    private static String boardUrl(@Nullable PipelineScope scope, @Nullable Long owner) {
        StringBuilder url = new StringBuilder("/opportunities/board");
        if (scope != null) {
            url.append("?scope=").append(scope.name());
            if (owner != null) {
                url.append("&owner=").append(owner);
            }
        }
        return url.toString();
    }

    static PipelineScope defaultScope(CurrentUser user) {
        return user.isAdmin() ? PipelineScope.ALL : user.isManager() ? PipelineScope.TEAM : PipelineScope.MINE;
    }

    static List<PipelineScope> scopesFor(CurrentUser user) {
        if (user.isAdmin()) {
            return List.of(PipelineScope.MINE, PipelineScope.ALL);
        }
        if (user.isManager()) {
            return List.of(PipelineScope.MINE, PipelineScope.TEAM);
        }
        return List.of(PipelineScope.MINE);
    }

    private String form(Model model, OpportunityForm form, @Nullable OpportunityDetails existing, CurrentUser user) {
        CustomerRow customer = customers.row(form.getCustomerId(), user);
        if (customer == null) {
            throw CustomerNotFoundException.forId(form.getCustomerId());
        }
        model.addAttribute("opportunity", form);
        model.addAttribute("existing", existing);
        model.addAttribute("customerName", customer.name());
        model.addAttribute("types", OpportunityType.values());
        model.addAttribute("owners", users.assignableOwners(user));
        model.addAttribute(
                "defaultProbability",
                properties.probabilityOf(existing == null ? PipelineStage.PROSPECTING : existing.stage()));
        return "opportunities/form";
    }
}

package com.kehu.crm.support.web;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.customer.CustomerFilter;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerSort;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.OrderQueries;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import com.kehu.crm.support.NewTicket;
import com.kehu.crm.support.TicketChannel;
import com.kehu.crm.support.TicketDetails;
import com.kehu.crm.support.TicketFilter;
import com.kehu.crm.support.TicketPriority;
import com.kehu.crm.support.TicketQueries;
import com.kehu.crm.support.TicketResolution;
import com.kehu.crm.support.TicketRuleException;
import com.kehu.crm.support.TicketService;
import com.kehu.crm.support.TicketSort;
import com.kehu.crm.support.TicketStatus;
import com.kehu.crm.support.TicketType;
import com.kehu.crm.support.TicketView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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
 * The agent's screens: the queue with its views and one-click claim, logging a ticket fast (live customer search and
 * a side panel with the customer's tier, open orders and problem history), the ticket with its timeline, status
 * moves, comments, assignment and edit, and the customer 360 tab.
 */
@Controller
@RequestMapping("/tickets")
@RequiredArgsConstructor
class TicketController {

    private static final int PAGE_SIZE = 25;

    private final TicketQueries queries;
    private final TicketService service;
    private final CustomerQueries customers;
    private final OrderQueries orders;
    private final ContactQueries contacts;

    @GetMapping
    String queue(
            @RequestParam(required = false) @Nullable TicketView view,
            @RequestParam(required = false) @Nullable TicketStatus status,
            @RequestParam(required = false) @Nullable TicketSort sort,
            @RequestParam(required = false) @Nullable Boolean desc,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model) {
        CurrentUser user = principal.currentUser();
        boolean agent = TicketQueries.isAgent(user);
        TicketView current = view == null ? (agent ? TicketView.MINE : TicketView.ALL) : view;
        // agents work their queue by due time; everyone else sees their customers' tickets newest first
        TicketSort order = sort != null ? sort : agent ? TicketSort.DUE : TicketSort.CREATED;
        boolean descending = desc != null ? desc : order == TicketSort.CREATED;
        var tickets = queries.list(
                new TicketFilter(current, status, null, null, false), order, descending, page, PAGE_SIZE, user);
        model.addAttribute("tickets", tickets);
        model.addAttribute("view", current);
        model.addAttribute("views", agent ? List.of(TicketView.values()) : List.of(TicketView.ALL));
        model.addAttribute("status", status);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("agent", agent);
        model.addAttribute("pageLinks", Urls.pageLinks(tickets));
        model.addAttribute("exportLinks", ListExports.links());
        model.addAttribute("sortLinks", Urls.sortLinks(order, descending, TicketSort.values()));
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "tickets/list :: results";
        }
        return "tickets/list";
    }

    @PostMapping("/{id}/claim")
    String claim(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        try {
            service.claim(id, principal.currentUser());
            Flash.success(flash, "ticket.claimed");
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
        } catch (ObjectOptimisticLockingFailureException e) {
            Flash.error(flash, "ticket.conflict");
        }
        return "redirect:/tickets/" + id;
    }

    @GetMapping("/for-customer/{customerId}")
    String forCustomer(@PathVariable long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("tickets", queries.forCustomer(customerId, 50, principal.currentUser()));
        model.addAttribute("customerId", customerId);
        return "tickets/list :: customer-tickets";
    }

    /** The live customer search of the log-a-ticket screen: by phone number, name or code. */
    @GetMapping("/customer-search")
    String customerSearch(
            @RequestParam(defaultValue = "") String q, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        String term = q.strip();
        model.addAttribute("q", term);
        model.addAttribute(
                "matches",
                term.length() < 2
                        ? List.of()
                        : customers
                                .list(
                                        new CustomerFilter(term, null, null, null, null, false),
                                        CustomerSort.NAME,
                                        false,
                                        0,
                                        10,
                                        principal.currentUser())
                                .content());
        return "tickets/new :: matches";
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(required = false) @Nullable Long customerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        TicketForm form = new TicketForm();
        form.setCustomerId(customerId);
        return form(model, form, principal.currentUser());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("ticket") TicketForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (form.getCustomerId() == null) {
            result.rejectValue("customerId", "ticket.customer.required");
        }
        if (result.hasErrors()) {
            return form(model, form, user);
        }
        try {
            long id = service.open(
                    new NewTicket(
                            form.getCustomerId(),
                            form.getContactId(),
                            form.getOrderId(),
                            form.toData(),
                            TicketQueries.isAgent(user) ? form.getAssigneeId() : null),
                    user);
            Flash.success(flash, "ticket.created");
            return "redirect:/tickets/" + id;
        } catch (TicketRuleException e) {
            result.rejectValue(e.reasonKey().contains("assignee") ? "assigneeId" : "categoryId", e.reasonKey());
            return form(model, form, user);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        TicketDetails ticket = queries.details(id, principal.currentUser());
        model.addAttribute("ticket", ticket);
        model.addAttribute("assignees", ticket.workable() ? queries.assignees() : List.of());
        return "tickets/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        TicketDetails ticket = queries.details(id, principal.currentUser());
        if (!ticket.workable() || !ticket.row().status().isOpen()) {
            throw new AccessDeniedException("not editable");
        }
        return editView(model, TicketForm.of(ticket), ticket);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("ticket") TicketForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        TicketDetails current = queries.details(id, user);
        if (result.hasErrors()) {
            return editView(model, form, current);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            // the user's input stays on the form; the saved values are shown beside it, the new version lets them save
            model.addAttribute("conflict", true);
            model.addAttribute("saved", current);
            form.setVersion(current.row().version());
            return editView(model, form, current);
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
            return "redirect:/tickets/" + id;
        }
        Flash.success(flash, "ticket.saved");
        return "redirect:/tickets/" + id;
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam TicketStatus status,
            @RequestParam(required = false) @Nullable String resolutionSummary,
            @RequestParam(required = false) @Nullable String compensationRequested,
            @RequestParam(required = false) @Nullable String compensationGranted,
            @RequestParam(required = false) @Nullable BigDecimal compensationAmount,
            @RequestParam(required = false) @Nullable String remedialAction,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.changeStatus(
                    id,
                    status,
                    new TicketResolution(
                            resolutionSummary,
                            compensationRequested,
                            compensationGranted,
                            compensationAmount,
                            remedialAction),
                    principal.currentUser());
            Flash.success(flash, "ticket.status.changed");
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            Flash.error(flash, "ticket.conflict");
        }
        return "redirect:/tickets/" + id;
    }

    @PostMapping("/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam long assigneeId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.assign(id, assigneeId, principal.currentUser());
            Flash.success(flash, "ticket.assigned");
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
        } catch (ObjectOptimisticLockingFailureException e) {
            Flash.error(flash, "ticket.conflict");
        }
        return "redirect:/tickets/" + id;
    }

    @PostMapping("/{id}/comments")
    String comment(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean internal,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        if (body.isBlank() || body.length() > 10_000) {
            queries.details(id, principal.currentUser());
            Flash.error(flash, "ticket.comment.invalid");
            return "redirect:/tickets/" + id;
        }
        try {
            service.comment(id, body, internal, principal.currentUser());
            Flash.success(flash, "ticket.commented");
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
        }
        return "redirect:/tickets/" + id + "#comment-form";
    }

    private String form(Model model, TicketForm form, CurrentUser user) {
        model.addAttribute("ticket", form);
        addChoices(model);
        model.addAttribute("agent", TicketQueries.isAgent(user));
        Long customerId = form.getCustomerId();
        if (customerId != null) {
            CustomerRow customer = customers.row(customerId, user);
            if (customer == null || !queries.canSeeCustomerTickets(customerId, user)) {
                throw CustomerNotFoundException.forId(customerId);
            }
            model.addAttribute("customer", customer);
            model.addAttribute(
                    "openOrders",
                    orders.forCustomer(customerId, user).stream()
                            .filter(o -> EnumSet.of(OrderStatus.DRAFT, OrderStatus.CONFIRMED, OrderStatus.SHIPPED)
                                    .contains(o.status()))
                            .toList());
            model.addAttribute("history", queries.forCustomer(customerId, 10, user));
            model.addAttribute("contacts", contacts.forCustomer(customerId, user));
        }
        return "tickets/new";
    }

    private String editView(Model model, TicketForm form, TicketDetails ticket) {
        model.addAttribute("ticket", form);
        model.addAttribute("existing", ticket);
        addChoices(model);
        return "tickets/form";
    }

    private void addChoices(Model model) {
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("categories", queries.categories(true));
        model.addAttribute("assignees", queries.assignees());
    }
}

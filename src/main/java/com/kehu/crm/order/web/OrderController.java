package com.kehu.crm.order.web;

import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.OrderDetails;
import com.kehu.crm.order.OrderFilter;
import com.kehu.crm.order.OrderQueries;
import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.order.OrderService;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.order.PaymentMethod;
import com.kehu.crm.order.ProductQueries;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.sales.OpportunityNotFoundException;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityRef;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
import java.time.LocalDate;
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

/** The order screens: list, create (from a customer or a won deal), edit drafts, progress, payments received. */
@Controller
@RequestMapping("/orders")
@RequiredArgsConstructor
class OrderController {

    private final OrderQueries queries;
    private final OrderService service;
    private final ProductQueries products;
    private final CustomerQueries customers;
    private final OpportunityQueries opportunities;
    private final SalesProperties sales;
    private final BusinessCalendar calendar;
    private final PurchaseHistory purchases;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        var orders = queries.list(new OrderFilter(status, q, from, to, null), page, 25, principal.currentUser());
        model.addAttribute("status", status);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("orders", orders);
        model.addAttribute("pageLinks", Urls.pageLinks(orders));
        model.addAttribute("exportLinks", ListExports.links());
        return "orders/list";
    }

    /** The customer 360's orders tab, loaded by htmx. */
    @GetMapping("/for-customer/{customerId}")
    String forCustomer(@PathVariable long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        model.addAttribute("orders", queries.forCustomer(customerId, user));
        model.addAttribute("customerId", customerId);
        model.addAttribute("canEdit", queries.canEdit(customerId, user));
        // the purchase rhythm (reorder reminders); read after forCustomer has checked the record rule
        model.addAttribute("rhythm", purchases.of(customerId).orElse(null));
        return "orders/list :: customer-orders";
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long opportunityId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        OrderForm form = new OrderForm();
        form.setOrderDate(calendar.today());
        form.setCurrency(sales.currency());
        if (opportunityId != null) {
            OpportunityRef deal = opportunities
                    .ref(opportunityId, user)
                    .orElseThrow(() -> OpportunityNotFoundException.forId(opportunityId));
            if (deal.stage() != PipelineStage.WON) {
                Flash.error(flash, "order.opportunity.notWon");
                return "redirect:/customers/" + deal.customerId();
            }
            form.setCustomerId(deal.customerId());
            form.setOpportunityId(deal.id());
            form.setCurrency(deal.currency());
            model.addAttribute("opportunityName", deal.name());
        } else if (customerId != null) {
            form.setCustomerId(customerId);
        } else {
            throw CustomerNotFoundException.forId(0);
        }
        form.compactAndPad(OrderForm.BLANK_ROWS);
        return form(model, form, null, user);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("order") OrderForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable String addLines,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        form.checkRows(result);
        if (addLines == null && !result.hasErrors()) {
            try {
                long id = service.create(form.toDraft(), user);
                Flash.success(flash, "order.created");
                return "redirect:/orders/" + id;
            } catch (OrderRuleException e) {
                reject(result, e, form);
            }
        }
        return reform(model, form, result, addLines != null, null, user);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        OrderDetails order = queries.details(id, principal.currentUser());
        PaymentForm payment = new PaymentForm();
        payment.setPaidOn(calendar.today());
        return detail(model, order, payment);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        OrderDetails order = queries.details(id, user);
        if (!order.isDraft() || !order.editable()) {
            return "redirect:/orders/" + id;
        }
        OrderForm form = OrderForm.of(order);
        form.compactAndPad(OrderForm.BLANK_ROWS);
        return form(model, form, order, user);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("order") OrderForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable String addLines,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        OrderDetails current = queries.details(id, user);
        form.setCustomerId(current.customerId());
        form.setOpportunityId(current.sourceOpportunityId());
        form.checkRows(result);
        if (addLines == null && !result.hasErrors()) {
            try {
                service.update(id, form.getVersion(), form.toDraft(), user);
                Flash.success(flash, "order.saved");
                return "redirect:/orders/" + id;
            } catch (OrderRuleException e) {
                reject(result, e, form);
            } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
                // keep the user's input; saving again overwrites the other change
                model.addAttribute("conflict", true);
                form.setVersion(queries.details(id, user).version());
            }
        }
        return reform(model, form, result, addLines != null, current, user);
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam OrderStatus status,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.changeStatus(id, status, principal.currentUser());
            Flash.success(flash, "order.status.changed");
        } catch (OrderRuleException e) {
            Flash.error(flash, e.messageKey());
        }
        return "redirect:/orders/" + id;
    }

    @PostMapping("/{id}/payments")
    String recordPayment(
            @PathVariable long id,
            @Valid @ModelAttribute("payment") PaymentForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (!result.hasErrors()) {
            try {
                service.recordPayment(id, form.toPayment(), user);
                Flash.success(flash, "order.payment.recorded");
                return "redirect:/orders/" + id + "#payments";
            } catch (OrderRuleException e) {
                reject(result, e, null);
            }
        }
        return detail(model, queries.details(id, user), form);
    }

    private String detail(Model model, OrderDetails order, PaymentForm payment) {
        model.addAttribute("order", order);
        model.addAttribute("payment", payment);
        model.addAttribute("methods", PaymentMethod.values());
        return "orders/detail";
    }

    private String reform(
            Model model,
            OrderForm form,
            BindingResult result,
            boolean addLines,
            @Nullable OrderDetails existing,
            CurrentUser user) {
        if (addLines) {
            form.addBlankRows(OrderForm.BLANK_ROWS);
        }
        return form(model, form, existing, user);
    }

    private String form(Model model, OrderForm form, @Nullable OrderDetails existing, CurrentUser user) {
        CustomerRow customer = customers.row(form.getCustomerId(), user);
        if (customer == null) {
            throw CustomerNotFoundException.forId(form.getCustomerId());
        }
        model.addAttribute("order", form);
        model.addAttribute("existing", existing);
        model.addAttribute("customerName", customer.name());
        model.addAttribute("canEdit", queries.canEdit(form.getCustomerId(), user));
        model.addAttribute("products", products.options());
        return "orders/form";
    }

    private static void reject(BindingResult result, OrderRuleException e, @Nullable OrderForm form) {
        String field = e.field() == null || form == null ? e.field() : form.formField(e.field());
        if (field != null && result.getFieldType(field) != null) {
            result.rejectValue(field, e.messageKey(), e.messageArguments(), e.messageKey());
        } else {
            result.reject(e.messageKey(), e.messageArguments(), e.messageKey());
        }
    }
}

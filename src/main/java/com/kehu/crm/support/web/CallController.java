package com.kehu.crm.support.web;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.contact.ContactRow;
import com.kehu.crm.customer.CustomerPhoneMatch;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import com.kehu.crm.support.CallDirection;
import com.kehu.crm.support.CallLinkException;
import com.kehu.crm.support.CallOutcome;
import com.kehu.crm.support.CallPhone;
import com.kehu.crm.support.CallQueries;
import com.kehu.crm.support.CallRow;
import com.kehu.crm.support.CallService;
import jakarta.validation.Valid;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
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

/** Call records: the quick log form with the live number match, the list, and the ticket and customer panels. */
@Controller
@RequestMapping("/calls")
@RequiredArgsConstructor
class CallController {

    private final CallQueries queries;
    private final CallService service;
    private final CustomerQueries customers;
    private final ContactQueries contacts;
    private final BusinessCalendar calendar;

    @GetMapping
    String list(
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        boolean onlyMine = mine || !CallQueries.seesEveryonesCalls(user);
        var calls = queries.list(new CallQueries.Filter(null, null, onlyMine ? user.id() : null), page, 25, user);
        model.addAttribute("calls", calls);
        model.addAttribute("mine", onlyMine);
        model.addAttribute("canSeeAll", CallQueries.seesEveryonesCalls(user));
        model.addAttribute("pageLinks", Urls.pageLinks(calls));
        return "calls/list";
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable Long ticketId,
            @RequestParam(required = false) @Nullable Long customerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CallForm form = new CallForm();
        form.setPhone(phone == null ? "" : phone);
        form.setTicketId(ticketId);
        form.setCustomerId(customerId);
        return form(model, form, null, principal.currentUser());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("call") CallForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return form(model, form, null, user);
        }
        try {
            service.log(form.toData(calendar.zone()), user);
        } catch (CallLinkException e) {
            result.rejectValue(e.field(), "call.link.otherCustomer");
            return form(model, form, null, user);
        }
        Flash.success(flash, "call.logged");
        return "redirect:/calls";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CallRow call = queries.details(id, principal.currentUser());
        return form(model, CallForm.of(call, calendar.zone()), call, principal.currentUser());
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("call") CallForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        CallRow current = queries.details(id, user);
        if (result.hasErrors()) {
            return form(model, form, current, user);
        }
        try {
            service.update(id, form.getVersion(), form.toData(calendar.zone()), user);
        } catch (CallLinkException e) {
            result.rejectValue(e.field(), "call.link.otherCustomer");
            return form(model, form, current, user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            form.setVersion(current.version());
            return form(model, form, current, user);
        }
        Flash.success(flash, "call.saved");
        return "redirect:/calls";
    }

    /** The live match under the number field (htmx, on every keystroke after a pause). */
    @GetMapping("/match")
    String match(
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long contactId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        addMatches(model, phone, customerId, contactId, principal.currentUser());
        return "calls/form :: match";
    }

    @GetMapping("/for-ticket/{ticketId}")
    String forTicket(@PathVariable long ticketId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("calls", queries.forTicket(ticketId, principal.currentUser()));
        model.addAttribute("newCallLink", "/calls/new?ticketId=" + ticketId);
        return "calls/list :: panel";
    }

    @GetMapping("/for-customer/{customerId}")
    String forCustomer(@PathVariable long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("calls", queries.forCustomer(customerId, principal.currentUser()));
        model.addAttribute("newCallLink", "/calls/new?customerId=" + customerId);
        return "calls/list :: panel";
    }

    private void addMatches(
            Model model, String phone, @Nullable Long customerId, @Nullable Long contactId, CurrentUser user) {
        String digits = CallPhone.nationalDigits(phone);
        List<CustomerPhoneMatch> customerMatches =
                digits.length() < 3 ? List.of() : customers.matchByPhone(digits, user);
        List<ContactRow> contactMatches = digits.length() < 3 ? List.of() : contacts.matchByPhone(digits, user);
        model.addAttribute("customerMatches", customerMatches);
        model.addAttribute("contactMatches", contactMatches);
        model.addAttribute("searched", digits.length() >= 3);
        model.addAttribute("selectedCustomerId", customerId);
        model.addAttribute("selectedContactId", contactId);
        var selected = customerId == null ? null : customers.row(customerId, user);
        boolean listed = customerMatches.stream().anyMatch(m -> customerId != null && m.id() == customerId);
        model.addAttribute("selectedCustomer", selected == null || listed ? null : selected);
    }

    private String form(Model model, CallForm form, @Nullable CallRow existing, CurrentUser user) {
        model.addAttribute("call", form);
        model.addAttribute("existing", existing);
        model.addAttribute("canEdit", existing == null || queries.canEdit(existing, user));
        model.addAttribute("directions", CallDirection.values());
        model.addAttribute("outcomes", CallOutcome.values());
        addMatches(model, form.getPhone(), form.getCustomerId(), form.getContactId(), user);
        return "calls/form";
    }
}

package com.kehu.crm.contact.web;

import com.kehu.crm.contact.ContactChannel;
import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.contact.ContactRow;
import com.kehu.crm.contact.ContactService;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
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

/** The contact screens: search, create, edit, delete, and the contacts tab of the customer 360. */
@Controller
@RequestMapping("/contacts")
@RequiredArgsConstructor
class ContactController {

    private final ContactQueries queries;
    private final ContactService service;
    private final CustomerQueries customers;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        var contacts = queries.list(q, null, page, 25, principal.currentUser());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("contacts", contacts);
        model.addAttribute("pageLinks", Urls.pageLinks(contacts));
        model.addAttribute("exportLinks", ListExports.links());
        return "contacts/list";
    }

    /** The customer 360's contacts tab, loaded by htmx. */
    @GetMapping("/for-customer/{customerId}")
    String forCustomer(@PathVariable long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        model.addAttribute("contacts", queries.forCustomer(customerId, user));
        model.addAttribute("customerId", customerId);
        model.addAttribute("canEdit", queries.canEdit(customerId, user));
        return "contacts/list :: customer-contacts";
    }

    @GetMapping("/new")
    String createForm(@RequestParam long customerId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        ContactForm form = new ContactForm();
        form.setCustomerId(customerId);
        return form(model, form, null, principal.currentUser());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("contact") ContactForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return form(model, form, null, user);
        }
        service.create(form.getCustomerId(), form.toData(), user);
        Flash.success(flash, "contact.created");
        return "redirect:/customers/" + form.getCustomerId() + "#tab-contacts";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        ContactRow contact = queries.details(id, principal.currentUser());
        return form(model, ContactForm.of(contact), contact, principal.currentUser());
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("contact") ContactForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        ContactRow current = queries.details(id, user);
        form.setCustomerId(current.customerId());
        if (result.hasErrors()) {
            return form(model, form, current, user);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            // keep the user's input on the form, with the saved version alongside and the new version to overwrite
            model.addAttribute("conflict", true);
            model.addAttribute("saved", current);
            form.setVersion(current.version());
            return form(model, form, current, user);
        }
        Flash.success(flash, "contact.saved");
        return "redirect:/customers/" + current.customerId() + "#tab-contacts";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        ContactRow contact = queries.details(id, principal.currentUser());
        service.delete(id, principal.currentUser());
        Flash.success(flash, "contact.deleted");
        return "redirect:/customers/" + contact.customerId() + "#tab-contacts";
    }

    private String form(Model model, ContactForm form, @Nullable ContactRow existing, CurrentUser user) {
        var customer = customers.row(form.getCustomerId(), user);
        if (customer == null) {
            throw CustomerNotFoundException.forId(form.getCustomerId());
        }
        model.addAttribute("contact", form);
        model.addAttribute("existing", existing);
        model.addAttribute("customerName", customer.name());
        model.addAttribute("canEdit", queries.canEdit(form.getCustomerId(), user));
        model.addAttribute("channels", ContactChannel.values());
        return "contacts/form";
    }
}

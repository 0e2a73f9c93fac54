package com.kehu.crm.activity.web;

import com.kehu.crm.activity.ActivityQueries;
import com.kehu.crm.activity.ActivityRow;
import com.kehu.crm.activity.ActivityService;
import com.kehu.crm.activity.ActivityType;
import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.IllegalLeadStateException;
import com.kehu.crm.sales.LeadNotFoundException;
import com.kehu.crm.sales.LeadVisibility;
import com.kehu.crm.sales.OpportunityNotFoundException;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.PageView;
import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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

/** The activity screens: log, edit and delete one's own, and the htmx lists on a customer, lead or deal. */
@Controller
@RequestMapping("/activities")
@RequiredArgsConstructor
class ActivityController {

    static final int LIST_SIZE = 20;

    private final ActivityQueries queries;
    private final ActivityService service;
    private final CustomerQueries customers;
    private final ContactQueries contacts;
    private final OpportunityQueries opportunities;
    private final LeadVisibility leads;
    private final BusinessCalendar day;

    @GetMapping("/for-customer/{customerId}")
    String forCustomer(
            @PathVariable long customerId,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        return fragment(
                model,
                queries.forCustomer(customerId, page, LIST_SIZE, user),
                "/activities/for-customer/" + customerId,
                "customerId=" + customerId,
                queries.canLog(customerId, null, user));
    }

    @GetMapping("/for-lead/{leadId}")
    String forLead(
            @PathVariable long leadId,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        return fragment(
                model,
                queries.forLead(leadId, page, LIST_SIZE, user),
                "/activities/for-lead/" + leadId,
                "leadId=" + leadId,
                queries.canLog(null, leadId, user));
    }

    @GetMapping("/for-opportunity/{opportunityId}")
    String forOpportunity(
            @PathVariable long opportunityId,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        var activities = queries.forOpportunity(opportunityId, page, LIST_SIZE, user);
        long customerId = opportunities.ref(opportunityId, user).orElseThrow().customerId();
        return fragment(
                model,
                activities,
                "/activities/for-opportunity/" + opportunityId,
                "customerId=" + customerId + "&opportunityId=" + opportunityId,
                queries.canLog(customerId, null, user));
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long contactId,
            @RequestParam(required = false) @Nullable Long opportunityId,
            @RequestParam(required = false) @Nullable Long leadId,
            @RequestParam(required = false) @Nullable ActivityType type,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        ActivityForm form = new ActivityForm();
        form.setCustomerId(customerId);
        form.setLeadId(customerId == null ? leadId : null);
        form.setContactId(contactId);
        form.setOpportunityId(opportunityId);
        if (customerId == null && opportunityId != null) {
            form.setCustomerId(opportunities
                    .ref(opportunityId, user)
                    .orElseThrow(() -> OpportunityNotFoundException.forId(opportunityId))
                    .customerId());
        }
        if (type != null) {
            form.setType(type);
        }
        form.setOccurredAt(LocalDateTime.ofInstant(day.now(), day.zone()).truncatedTo(ChronoUnit.MINUTES));
        return form(model, form, null, user);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("activity") ActivityForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return form(model, form, null, user);
        }
        long id;
        try {
            id = service.create(form.getCustomerId(), form.getLeadId(), form.toData(day.zone()), user);
        } catch (IllegalLeadStateException e) {
            result.reject("activity.lead.notWorkable");
            return form(model, form, null, user);
        }
        Flash.success(flash, "activity.created");
        // back to where the activity was logged from: the deal, the customer's timeline or the lead
        if (form.getOpportunityId() != null) {
            return "redirect:/opportunities/" + form.getOpportunityId();
        }
        if (form.getCustomerId() != null) {
            return "redirect:/customers/" + form.getCustomerId() + "#tab-timeline";
        }
        return form.getLeadId() != null ? "redirect:/leads/" + form.getLeadId() : "redirect:/activities/" + id;
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        ActivityRow activity = queries.details(id, user);
        return form(model, ActivityForm.of(activity, day.zone()), activity, user);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("activity") ActivityForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        ActivityRow current = queries.details(id, user);
        form.setCustomerId(current.customerId());
        form.setLeadId(current.leadId());
        if (result.hasErrors()) {
            return form(model, form, current, user);
        }
        try {
            service.update(id, form.getVersion(), form.toData(day.zone()), user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            form.setVersion(current.version());
            return form(model, form, current, user);
        }
        Flash.success(flash, "activity.saved");
        return "redirect:/activities/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        ActivityRow activity = queries.details(id, user);
        service.delete(id, user);
        Flash.success(flash, "activity.deleted");
        return activity.customerId() != null
                ? "redirect:/customers/" + activity.customerId() + "#tab-timeline"
                : "redirect:/my-day";
    }

    private String fragment(
            Model model, PageView<ActivityRow> activities, String path, String newQuery, boolean canLog) {
        model.addAttribute("activities", activities);
        model.addAttribute("nextPage", activities.hasNext() ? path + "?page=" + (activities.number() + 1) : null);
        model.addAttribute("newLink", "/activities/new?" + newQuery);
        model.addAttribute("canLog", canLog);
        return "activities/list :: activities";
    }

    private String form(Model model, ActivityForm form, @Nullable ActivityRow existing, CurrentUser user) {
        Long customerId = form.getCustomerId();
        Long leadId = form.getLeadId();
        if (customerId != null) {
            var customer = customers.row(customerId, user);
            if (customer == null) {
                throw CustomerNotFoundException.forId(customerId);
            }
            model.addAttribute("subjectName", customer.name());
            model.addAttribute("subjectLink", "/customers/" + customerId);
            model.addAttribute("contacts", contacts.forCustomer(customerId, user));
            Long opportunityId = form.getOpportunityId();
            model.addAttribute(
                    "opportunityName",
                    opportunityId == null
                            ? null
                            : opportunities
                                    .ref(opportunityId, user)
                                    .filter(o -> o.customerId() == customerId)
                                    .orElseThrow(() -> OpportunityNotFoundException.forId(opportunityId))
                                    .name());
        } else if (leadId != null) {
            var lead = leads.find(leadId, user).orElseThrow(() -> new LeadNotFoundException(leadId));
            model.addAttribute("subjectName", lead.name());
            model.addAttribute("subjectLink", null);
            model.addAttribute("contacts", List.of());
            model.addAttribute("opportunityName", null);
        } else {
            throw CustomerNotFoundException.forId(0);
        }
        boolean canEdit = existing == null
                ? queries.canLog(customerId, leadId, user)
                : existing.ownerId() == user.id() && queries.canLog(customerId, leadId, user);
        model.addAttribute("activity", form);
        model.addAttribute("existing", existing);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("types", ActivityType.values());
        return "activities/form";
    }
}

package com.kehu.crm.sales.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.sales.ConvertLead;
import com.kehu.crm.sales.DuplicateCandidate;
import com.kehu.crm.sales.DuplicateCustomersException;
import com.kehu.crm.sales.IllegalLeadStateException;
import com.kehu.crm.sales.LeadActions;
import com.kehu.crm.sales.LeadConversion;
import com.kehu.crm.sales.LeadConversionService;
import com.kehu.crm.sales.LeadFilter;
import com.kehu.crm.sales.LeadQueries;
import com.kehu.crm.sales.LeadRow;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.LeadStatus;
import com.kehu.crm.sales.LeadView;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.sales.ProspectList;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The lead screens: the pool and private lists, the lead form, the detail page with its state changes, and
 * conversion into a customer. Every POST redirects; a refusal by the lead's rules comes back as a flash message.
 */
@Controller
@RequestMapping("/leads")
@RequiredArgsConstructor
class LeadController {

    private final LeadQueries queries;
    private final LeadService service;
    private final LeadConversionService conversions;
    private final UserQueries users;
    private final SalesProperties properties;

    @GetMapping
    String list(
            @RequestParam(defaultValue = "MINE") LeadView view,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LeadStatus status,
            @RequestParam(required = false) @Nullable LeadSource source,
            @RequestParam(required = false) @Nullable ProspectList prospectList,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        List<LeadView> views = queries.viewsFor(user);
        LeadView shown = views.contains(view) ? view : LeadView.MINE;
        var leads = queries.list(new LeadFilter(shown, q, status, source, prospectList), page, 25, user);
        Map<String, String> viewLinks = new LinkedHashMap<>();
        for (LeadView v : views) {
            viewLinks.put(v.name(), "/leads?view=" + v.name());
        }
        model.addAttribute("view", shown);
        model.addAttribute("viewLinks", viewLinks);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("source", source);
        model.addAttribute("prospectList", prospectList);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("prospectLists", ProspectList.values());
        model.addAttribute("leads", leads);
        model.addAttribute("pageLinks", Urls.pageLinks(leads));
        model.addAttribute("exportLinks", ListExports.links());
        return "leads/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new LeadForm(), null);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("lead") LeadForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        if (result.hasErrors()) {
            return form(model, form, null);
        }
        try {
            long id = service.create(form.toData(), form.isKeepForMyself(), principal.currentUser());
            Flash.success(flash, "lead.created");
            return "redirect:/leads/" + id;
        } catch (IllegalLeadStateException e) {
            model.addAttribute("refusal", e.reasonKey());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        LeadRow lead = queries.details(id, user);
        LeadActions actions = queries.actions(lead, user);
        model.addAttribute("lead", lead);
        model.addAttribute("actions", actions);
        model.addAttribute("owners", actions.assign() ? users.assignableOwners(user) : List.of());
        return "leads/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        LeadRow lead = queries.details(id, principal.currentUser());
        return form(model, LeadForm.of(lead), lead);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("lead") LeadForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        LeadRow current = queries.details(id, user);
        if (result.hasErrors()) {
            return form(model, form, current);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            // keep the user's input, show the saved version, and let a second save overwrite it
            model.addAttribute("conflict", true);
            model.addAttribute("saved", current);
            form.setVersion(current.version());
            return form(model, form, current);
        } catch (IllegalLeadStateException e) {
            Flash.error(flash, e.reasonKey());
            return redirect(id);
        }
        Flash.success(flash, "lead.saved");
        return redirect(id);
    }

    @PostMapping("/{id}/claim")
    String claim(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        return act(id, flash, "lead.claimed", () -> service.claim(id, principal.currentUser()));
    }

    @PostMapping("/{id}/release")
    String release(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        return act(id, flash, "lead.released", () -> service.release(id, principal.currentUser()));
    }

    @PostMapping("/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam long ownerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        return act(id, flash, "lead.assigned", () -> service.assign(id, ownerId, principal.currentUser()));
    }

    @PostMapping("/{id}/follow-up")
    String followUp(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        return act(id, flash, "lead.followedUp", () -> service.recordFollowUp(id, principal.currentUser()));
    }

    @PostMapping("/{id}/qualify")
    String qualify(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean willingToBuy,
            @RequestParam(defaultValue = "false") boolean ableToPay,
            @RequestParam(defaultValue = "false") boolean hasAuthority,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        boolean all = willingToBuy && ableToPay && hasAuthority;
        return act(
                id,
                flash,
                all ? "lead.qualified" : "lead.qualificationSaved",
                () -> service.qualify(id, willingToBuy, ableToPay, hasAuthority, principal.currentUser()));
    }

    @PostMapping("/{id}/disqualify")
    String disqualify(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        if (reason.isBlank() || reason.length() > 500) {
            Flash.error(flash, "lead.disqualify.reasonRequired");
            return redirect(id);
        }
        return act(id, flash, "lead.disqualified", () -> service.disqualify(id, reason, principal.currentUser()));
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        return act(id, flash, "lead.confirmed", () -> service.confirm(id, principal.currentUser()));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        try {
            service.delete(id, principal.currentUser());
        } catch (IllegalLeadStateException e) {
            Flash.error(flash, e.reasonKey());
            return redirect(id);
        }
        Flash.success(flash, "lead.deleted");
        return "redirect:/leads";
    }

    /** Similar customers first; then the user decides and, optionally, describes the deal to open. */
    @GetMapping("/{id}/convert")
    String convertForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        LeadRow lead = queries.details(id, user);
        ConvertForm form = new ConvertForm();
        form.setOpportunityName(lead.displayName());
        form.setCurrency(properties.currency());
        return convertPage(model, lead, form, conversions.duplicates(id, user));
    }

    @PostMapping("/{id}/convert")
    String convert(
            @PathVariable long id,
            @Valid @ModelAttribute("convert") ConvertForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        LeadRow lead = queries.details(id, user);
        form.validateDeal(result);
        if (result.hasErrors()) {
            return convertPage(model, lead, form, conversions.duplicates(id, user));
        }
        boolean attach = ConvertForm.ATTACH.equals(form.getDecision());
        ConvertLead command = new ConvertLead(
                attach ? form.getCustomerId() : null,
                ConvertForm.NEW.equals(form.getDecision()),
                form.toDeal(properties.currency()));
        LeadConversion conversion;
        try {
            conversion = conversions.convert(id, command, user);
        } catch (DuplicateCustomersException e) {
            model.addAttribute("mustDecide", true);
            return convertPage(model, lead, form, e.candidates());
        } catch (IllegalLeadStateException e) {
            Flash.error(flash, e.reasonKey());
            return redirect(id);
        }
        Flash.success(flash, "lead.converted");
        return "redirect:/customers/" + conversion.customerId();
    }

    private String convertPage(Model model, LeadRow lead, ConvertForm form, List<DuplicateCandidate> candidates) {
        model.addAttribute("lead", lead);
        model.addAttribute("convert", form);
        model.addAttribute("candidates", candidates);
        model.addAttribute("types", OpportunityType.values());
        return "leads/convert";
    }

    private String form(Model model, LeadForm form, @Nullable LeadRow existing) {
        model.addAttribute("lead", form);
        model.addAttribute("existing", existing);
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("prospectLists", ProspectList.values());
        return "leads/form";
    }

    private static String act(long id, RedirectAttributes flash, String successKey, Runnable action) {
        try {
            action.run();
            Flash.success(flash, successKey);
        } catch (IllegalLeadStateException e) {
            Flash.error(flash, e.reasonKey());
        }
        return redirect(id);
    }

    private static String redirect(long id) {
        return "redirect:/leads/" + id;
    }
}

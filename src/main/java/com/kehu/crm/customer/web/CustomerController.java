package com.kehu.crm.customer.web;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerFilter;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerSort;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.DuplicateCustomerCodeException;
import com.kehu.crm.customer.IllegalStatusTransitionException;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.OwnerNotAssignableException;
import com.kehu.crm.customer.ProfileSchema;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.customer.RetentionFlag;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.ConflictRow;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
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

/** The customer screens: list and search, the 360 page, create, edit, reassign, archive and restore. */
@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerController {

    static final int DEFAULT_PAGE_SIZE = 25;

    private final CustomerQueries queries;
    private final CustomerService service;
    private final CustomerAccess access;
    private final UserQueries users;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable Long owner,
            @RequestParam(required = false) @Nullable Industry industry,
            @RequestParam(required = false) @Nullable Region region,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "NAME") CustomerSort sort,
            @RequestParam(defaultValue = "false") boolean desc,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model) {
        CurrentUser user = principal.currentUser();
        CustomerFilter filter = new CustomerFilter(q, status, owner, industry, region, archived);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("desc", desc);
        var customers = queries.list(filter, sort, desc, page, size, user);
        model.addAttribute("customers", customers);
        model.addAttribute("pageLinks", Urls.pageLinks(customers));
        model.addAttribute("sortLinks", Urls.sortLinks(sort, desc, CustomerSort.values()));
        model.addAttribute("exportLinks", ListExports.links());
        model.addAttribute("canCreate", access.canCreate(user));
        model.addAttribute("owners", users.assignableOwners(user));
        addChoices(model);
        // htmx live search swaps only the results
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "customers/list :: results";
        }
        return "customers/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        CustomerDetails customer = queries.details(id, user);
        model.addAttribute("customer", customer);
        model.addAttribute("sections", ProfileSchema.sectionsFor(customer.kind()));
        model.addAttribute("owners", customer.editable() ? users.assignableOwners(user) : List.of());
        model.addAttribute("retentionFlags", RetentionFlag.values());
        return "customers/detail";
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(defaultValue = "ENTERPRISE") CustomerKind kind,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CustomerForm form = new CustomerForm();
        form.setKind(kind);
        form.setRelationCategory(kind == CustomerKind.INDIVIDUAL ? RelationCategory.CONSUMER : RelationCategory.B2B);
        form.setOwnerId(principal.getId());
        return form(model, form, true, principal.currentUser());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("customer") CustomerForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        form.validateProfile(result);
        if (result.hasErrors()) {
            return form(model, form, true, user);
        }
        try {
            long id = service.register(form.toRegister(), user);
            Flash.success(flash, "customer.created");
            return "redirect:/customers/" + id;
        } catch (DuplicateCustomerCodeException e) {
            result.rejectValue("code", "customer.code.taken");
        } catch (OwnerNotAssignableException e) {
            result.rejectValue("ownerId", "customer.owner.notAssignable");
        } catch (IllegalStatusTransitionException e) {
            result.rejectValue("status", "customer.status.notAllowed");
        }
        return form(model, form, true, user);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        CustomerDetails customer = queries.details(id, user);
        if (!customer.editable()) {
            throw new org.springframework.security.access.AccessDeniedException("read-only");
        }
        model.addAttribute("details", customer);
        return form(model, CustomerForm.of(customer), false, user);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("customer") CustomerForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        CustomerDetails current = queries.details(id, user);
        // kind and code are fixed after creation
        form.setKind(current.kind());
        form.setCode(current.code());
        form.setOwnerId(current.ownerId());
        form.validateProfile(result);
        model.addAttribute("details", current);
        if (result.hasErrors()) {
            return form(model, form, false, user);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
            Flash.success(flash, "customer.saved");
            return "redirect:/customers/" + id;
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            return conflict(model, form, queries.details(id, user));
        } catch (IllegalStatusTransitionException e) {
            result.rejectValue("status", "customer.status.notAllowed");
            return form(model, form, false, user);
        }
    }

    @PostMapping("/{id}/owner")
    String reassign(
            @PathVariable long id,
            @RequestParam long ownerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.reassign(id, ownerId, principal.currentUser());
            Flash.success(flash, "customer.reassigned");
        } catch (OwnerNotAssignableException e) {
            Flash.error(flash, "customer.owner.notAssignable");
        }
        // after handing it outside their own scope a rep can no longer see it
        return queries.row(id, principal.currentUser()) == null ? "redirect:/customers" : "redirect:/customers/" + id;
    }

    /** Marks a customer not worth retaining (bad credit, fraud), or clears the mark; win-back leaves them out. */
    @PostMapping("/{id}/retention-flag")
    String flagRetention(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable RetentionFlag flag,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        service.flagRetention(id, flag, principal.currentUser());
        Flash.success(flash, "customer.retention.saved");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        service.archive(id, principal.currentUser());
        Flash.success(flash, "customer.archived");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        service.restore(id, principal.currentUser());
        Flash.success(flash, "customer.restored");
        return "redirect:/customers/" + id;
    }

    /** Shows the saved record beside the user's input and lets them save theirs over it, keeping what they typed. */
    private String conflict(Model model, CustomerForm mine, CustomerDetails theirs) {
        CustomerForm saved = CustomerForm.of(theirs);
        List<ConflictRow> changed = new ArrayList<>();
        ConflictRow.addIfChanged(changed, "name", saved.getName(), mine.getName(), null);
        ConflictRow.addIfChanged(changed, "phone", saved.getPhone(), mine.getPhone(), null);
        ConflictRow.addIfChanged(changed, "email", saved.getEmail(), mine.getEmail(), null);
        ConflictRow.addIfChanged(changed, "address", saved.getAddress(), mine.getAddress(), null);
        ConflictRow.addIfChanged(changed, "region", saved.getRegion(), mine.getRegion(), "Region");
        ConflictRow.addIfChanged(changed, "industry", saved.getIndustry(), mine.getIndustry(), "Industry");
        ConflictRow.addIfChanged(changed, "source", saved.getSource(), mine.getSource(), "CustomerSource");
        ConflictRow.addIfChanged(
                changed,
                "relationCategory",
                saved.getRelationCategory(),
                mine.getRelationCategory(),
                "RelationCategory");
        ConflictRow.addIfChanged(changed, "importance", saved.getImportance(), mine.getImportance(), "Importance");
        ConflictRow.addIfChanged(changed, "status", saved.getStatus(), mine.getStatus(), "CustomerStatus");
        ConflictRow.addIfChanged(changed, "tags", saved.getTags(), String.join(", ", mine.tagList()), null);
        Map<String, String> mineProfile = ProfileSchema.clean(mine.getKind(), mine.getProfile());
        Map<String, String> savedProfile = ProfileSchema.clean(theirs.kind(), saved.getProfile());
        for (String key : new java.util.LinkedHashSet<>(List.copyOf(savedProfile.keySet()))) {
            ConflictRow.addIfChanged(changed, "profile." + key, savedProfile.get(key), mineProfile.get(key), null);
        }
        for (String key : mineProfile.keySet()) {
            if (!savedProfile.containsKey(key)) {
                ConflictRow.addIfChanged(changed, "profile." + key, null, mineProfile.get(key), null);
            }
        }
        mine.setVersion(theirs.version());
        model.addAttribute("customer", mine);
        model.addAttribute("details", theirs);
        model.addAttribute("changed", changed);
        return "customers/conflict";
    }

    private String form(Model model, CustomerForm form, boolean creating, CurrentUser user) {
        model.addAttribute("customer", form);
        model.addAttribute("creating", creating);
        model.addAttribute("owners", users.assignableOwners(user));
        model.addAttribute("sections", ProfileSchema.sectionsFor(form.getKind()));
        model.addAttribute("kinds", CustomerKind.values());
        addChoices(model);
        return "customers/form";
    }

    private static void addChoices(Model model) {
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("sources", CustomerSource.values());
        model.addAttribute("relationCategories", RelationCategory.values());
        model.addAttribute("importances", Importance.values());
        model.addAttribute("sorts", CustomerSort.values());
    }
}

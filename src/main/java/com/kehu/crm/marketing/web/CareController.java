package com.kehu.crm.marketing.web;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.CareItemView;
import com.kehu.crm.marketing.CareKind;
import com.kehu.crm.marketing.CareProperties;
import com.kehu.crm.marketing.CareQueries;
import com.kehu.crm.marketing.CareRuleException;
import com.kehu.crm.marketing.CareRuns;
import com.kehu.crm.marketing.CareService;
import com.kehu.crm.marketing.CareTaskFilter;
import com.kehu.crm.marketing.CareTaskRow;
import com.kehu.crm.marketing.CareTaskState;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
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
 * {@code /care}: the care programme of each tier with what became of its tasks, the recent care tasks, and for
 * managers the item editor and "Run now". Sellers and marketers read (URL rule); changes are checked in the service.
 */
@Controller
@RequestMapping("/care")
@RequiredArgsConstructor
class CareController {

    private final CareQueries queries;
    private final CareService service;
    private final CareRuns runs;
    private final CareProperties properties;

    @GetMapping
    String programme(
            @RequestParam(required = false) @Nullable Long itemId,
            @RequestParam(required = false) @Nullable CareTaskState state,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        List<CareItemView> items = queries.programme(user);
        PageView<CareTaskRow> tasks = queries.tasks(new CareTaskFilter(itemId, state), page, 25, user);
        model.addAttribute("tiers", Importance.values());
        model.addAttribute("items", items);
        model.addAttribute("tasks", tasks);
        model.addAttribute("pageLinks", Urls.pageLinks(tasks));
        model.addAttribute("itemId", itemId);
        model.addAttribute("state", state);
        model.addAttribute("states", CareTaskState.values());
        model.addAttribute("canManage", CareService.canManage(user));
        model.addAttribute("run", runs.latest());
        model.addAttribute("statsDays", properties.statsDays());
        return "care/index";
    }

    /** The progress of the latest run, polled by the page while it runs. */
    @GetMapping("/run")
    String runStatus(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        requireManager(principal.currentUser());
        model.addAttribute("run", runs.latest());
        model.addAttribute("canManage", true);
        return "care/index :: run-status";
    }

    @PostMapping("/run")
    String runNow(@AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        requireManager(principal.currentUser());
        Flash.success(flash, runs.start() ? "care.run.started" : "care.run.alreadyRunning");
        return "redirect:/care";
    }

    @GetMapping("/items/new")
    String newItem(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        requireManager(principal.currentUser());
        return form(model, new CareItemForm(), null);
    }

    @PostMapping("/items")
    String add(
            @Valid @ModelAttribute("item") CareItemForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        requireManager(user);
        if (validate(form, result)) {
            try {
                service.add(form.toData(), user);
                Flash.success(flash, "care.item.saved");
                return "redirect:/care";
            } catch (CareRuleException e) {
                result.rejectValue(e.field(), e.reasonKey());
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/items/{id}")
    String edit(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        requireManager(user);
        CareItemView item = queries.item(id, user);
        return form(model, CareItemForm.of(item), item);
    }

    @PostMapping("/items/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("item") CareItemForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        requireManager(user);
        CareItemView current = queries.item(id, user);
        if (validate(form, result)) {
            try {
                service.update(id, form.getVersion(), form.toData(), user);
                Flash.success(flash, "care.item.saved");
                return "redirect:/care";
            } catch (CareRuleException e) {
                result.rejectValue(e.field(), e.reasonKey());
            } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
                // keep what the user typed, show what was saved meanwhile, and let them save over it
                CareItemView saved = queries.item(id, user);
                model.addAttribute("conflict", saved);
                form.setVersion(saved.version());
                return form(model, form, saved);
            }
        }
        return form(model, form, current);
    }

    @PostMapping("/items/{id}/deactivate")
    String deactivate(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        service.deactivate(id, principal.currentUser());
        Flash.success(flash, "care.item.deactivated");
        return "redirect:/care";
    }

    /** Checks what the annotations cannot: the parts each kind needs. True when the form may go to the service. */
    private static boolean validate(CareItemForm form, BindingResult result) {
        CareKind kind = form.getKind();
        if (form.occasionInvalid() && !result.hasFieldErrors("occasionMonth")) {
            result.rejectValue("occasionDay", "care.item.occasion.invalid");
        }
        if (kind == CareKind.HOLIDAY_GREETING) {
            if (form.getHolidayName() == null || form.getHolidayName().isBlank()) {
                result.rejectValue("holidayName", "care.item.holiday.required");
            }
            if (form.getOccasionMonth() == null && form.getOccasionDay() == null) {
                result.rejectValue("occasionMonth", "care.item.occasion.required");
            }
        }
        if (kind != null && kind.periodic() && form.getIntervalDays() == null) {
            result.rejectValue("intervalDays", "care.item.interval.invalid");
        }
        return !result.hasErrors();
    }

    private String form(Model model, CareItemForm form, @Nullable CareItemView existing) {
        model.addAttribute("item", form);
        model.addAttribute("existing", existing);
        model.addAttribute("tiers", Importance.values());
        model.addAttribute("kinds", CareKind.values());
        return "care/item-form";
    }

    private static void requireManager(CurrentUser user) {
        if (!CareService.canManage(user)) {
            throw new AccessDeniedException("Only managers change care programmes");
        }
    }
}

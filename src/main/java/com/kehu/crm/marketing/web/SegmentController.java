package com.kehu.crm.marketing.web;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.marketing.InvalidSegmentCriteriaException;
import com.kehu.crm.marketing.SegmentCampaign;
import com.kehu.crm.marketing.SegmentCampaignFilter;
import com.kehu.crm.marketing.SegmentCriteria;
import com.kehu.crm.marketing.SegmentNameTakenException;
import com.kehu.crm.marketing.SegmentQueries;
import com.kehu.crm.marketing.SegmentRuleException;
import com.kehu.crm.marketing.SegmentService;
import com.kehu.crm.marketing.SegmentSnapshotView;
import com.kehu.crm.marketing.SegmentSnapshots;
import com.kehu.crm.marketing.SegmentView;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.export.ExportFormat;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The segment screens: the list (counts fetched lazily per row), the builder with its live count, the detail page with
 * the customers, exports, and adding the segment to a campaign; acquisition by source.
 */
@Controller
@RequestMapping("/segments")
@RequiredArgsConstructor
class SegmentController {

    static final int PAGE_SIZE = 25;

    private final SegmentQueries queries;
    private final SegmentService service;
    private final SegmentSnapshots snapshots;
    private final SegmentExport export;
    private final SegmentWords words;
    private final UserQueries users;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable Long campaign,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        PageView<SegmentView> segments = queries.list(page, 100, user);
        model.addAttribute("segments", segments);
        model.addAttribute("pageLinks", Urls.pageLinks(segments));
        model.addAttribute("campaign", campaign == null ? null : queries.campaign(campaign, user));
        return "segments/list";
    }

    /** One segment's live count, for the list's lazily loaded cells. */
    @GetMapping("/{id}/count")
    String count(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("count", queries.count(id, principal.currentUser()));
        return "segments/list :: count";
    }

    @GetMapping("/sources")
    String sources(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("sources", queries.acquisitionBySource(principal.currentUser()));
        return "segments/sources";
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(required = false) @Nullable CustomerSource source,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        SegmentForm form = new SegmentForm();
        if (source != null) {
            form.getSources().add(source);
        }
        return form(model, form, null, principal.currentUser(), null);
    }

    /** The builder's live count (htmx, as criteria change): the number, or the first rule the criteria break. */
    @GetMapping("/preview")
    String preview(
            @ModelAttribute("segment") SegmentForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        form.validateCriteria(result);
        model.addAttribute("previewInvalid", hasCriteriaErrors(result));
        if (!hasCriteriaErrors(result)) {
            model.addAttribute("previewCount", queries.count(form.toCriteria(), principal.currentUser()));
        }
        return "segments/form :: count";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("segment") SegmentForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        form.validateCriteria(result);
        if ("count".equals(action)) {
            return countAndShow(model, form, result, null, user);
        }
        if (result.hasErrors()) {
            return form(model, form, null, user, null);
        }
        try {
            long id = service.create(form.toData(), user);
            Flash.success(flash, "segment.created");
            return "redirect:/segments/" + id;
        } catch (SegmentNameTakenException e) {
            result.rejectValue("name", "segment.name.taken");
        } catch (InvalidSegmentCriteriaException e) {
            e.problems().forEach(p -> result.rejectValue(p.field(), p.messageKey()));
        }
        return form(model, form, null, user, null);
    }

    @GetMapping("/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
            @RequestParam(required = false) @Nullable Long campaign,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        SegmentView segment = queries.get(id, user);
        PageView<com.kehu.crm.marketing.SegmentCustomer> customers =
                queries.customers(segment.criteria(), page, size, user);
        model.addAttribute("view", segment);
        model.addAttribute("words", describe(segment.criteria(), user));
        model.addAttribute("customers", customers);
        model.addAttribute("pageLinks", Urls.pageLinks(customers));
        List<SegmentCampaign> campaigns = queries.openCampaigns(user);
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("selectedCampaign", campaign);
        snapshots(model, queries.snapshots(id, user));
        return "segments/detail";
    }

    @GetMapping("/{id}/snapshots")
    String snapshotProgress(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        model.addAttribute("view", queries.get(id, user));
        snapshots(model, queries.snapshots(id, user));
        return "segments/detail :: snapshots";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        SegmentView segment = queries.get(id, user);
        if (segment.builtIn()) {
            return "redirect:/segments/" + id;
        }
        return form(model, SegmentForm.of(segment), segment, user, null);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("segment") SegmentForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        SegmentView current = queries.get(id, user);
        if (current.builtIn()) {
            Flash.error(flash, "segment.builtIn.readOnly");
            return "redirect:/segments/" + id;
        }
        form.validateCriteria(result);
        if ("count".equals(action)) {
            return countAndShow(model, form, result, current, user);
        }
        if (result.hasErrors()) {
            return form(model, form, current, user, null);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
            Flash.success(flash, "segment.saved");
            return "redirect:/segments/" + id;
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            // keep what the user typed, on top of the version now saved; show what that version says
            SegmentView saved = queries.get(id, user);
            form.setVersion(saved.version());
            return form(model, form, saved, user, saved);
        } catch (SegmentNameTakenException e) {
            result.rejectValue("name", "segment.name.taken");
        } catch (InvalidSegmentCriteriaException e) {
            e.problems().forEach(p -> result.rejectValue(p.field(), p.messageKey()));
        }
        return form(model, form, current, user, null);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        try {
            service.delete(id, principal.currentUser());
            Flash.success(flash, "segment.deleted");
            return "redirect:/segments";
        } catch (SegmentRuleException e) {
            Flash.error(flash, e.reasonKey());
            return "redirect:/segments/" + id;
        }
    }

    @PostMapping("/{id}/campaigns")
    String addToCampaign(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long campaignId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        if (campaignId == null) {
            Flash.error(flash, "segment.snapshot.chooseCampaign");
            return "redirect:/segments/" + id;
        }
        try {
            SegmentSnapshotView run = snapshots.addToCampaign(id, campaignId, principal.currentUser());
            Flash.success(flash, run.running() ? "segment.snapshot.started" : "segment.snapshot.finished");
        } catch (SegmentRuleException e) {
            Flash.error(flash, e.reasonKey());
        }
        return "redirect:/segments/" + id;
    }

    @GetMapping("/{id}/export")
    void export(
            @PathVariable long id,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen =
                ExportFormat.parse(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        export.write(id, chosen, principal.currentUser(), response);
    }

    private static void snapshots(Model model, List<SegmentSnapshotView> runs) {
        model.addAttribute("snapshots", runs);
        model.addAttribute("snapshotsRunning", runs.stream().anyMatch(SegmentSnapshotView::running));
    }

    private String countAndShow(
            Model model, SegmentForm form, BindingResult result, @Nullable SegmentView current, CurrentUser user) {
        if (!hasCriteriaErrors(result)) {
            model.addAttribute("previewCount", queries.count(form.toCriteria(), user));
        }
        return form(model, form, current, user, null);
    }

    private static boolean hasCriteriaErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .anyMatch(e -> !e.getField().equals("name") && !e.getField().equals("description"));
    }

    private String form(
            Model model,
            SegmentForm form,
            @Nullable SegmentView current,
            CurrentUser user,
            @Nullable SegmentView conflictWith) {
        model.addAttribute("segment", form);
        model.addAttribute("current", current);
        model.addAttribute("conflict", conflictWith);
        if (conflictWith != null) {
            model.addAttribute("conflictWords", describe(conflictWith.criteria(), user));
        }
        model.addAttribute("kinds", CustomerKind.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("sources", CustomerSource.values());
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("importances", Importance.values());
        model.addAttribute("owners", users.activeOwners());
        model.addAttribute("teams", users.teams());
        model.addAttribute("earlierCampaigns", queries.recentCampaigns(user));
        model.addAttribute("campaignFilters", SegmentCampaignFilter.values());
        return "segments/form";
    }

    private List<String> describe(SegmentCriteria criteria, CurrentUser user) {
        Map<Long, UserRef> owners =
                criteria.ownerId() == null ? Map.of() : users.refsByIds(List.of(criteria.ownerId()));
        String campaignName = null;
        if (criteria.campaignId() != null) {
            var campaign = queries.campaign(criteria.campaignId(), user);
            campaignName = campaign == null ? null : campaign.name();
        }
        return words.describe(criteria, owners, criteria.teamId() == null ? List.of() : users.teams(), campaignName);
    }
}

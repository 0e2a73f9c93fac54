package com.kehu.crm.marketing.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.CampaignAttribution;
import com.kehu.crm.marketing.CampaignDetails;
import com.kehu.crm.marketing.CampaignFilter;
import com.kehu.crm.marketing.CampaignMemberStatus;
import com.kehu.crm.marketing.CampaignPerformance;
import com.kehu.crm.marketing.CampaignQueries;
import com.kehu.crm.marketing.CampaignRow;
import com.kehu.crm.marketing.CampaignRuleException;
import com.kehu.crm.marketing.CampaignService;
import com.kehu.crm.marketing.CampaignStatus;
import com.kehu.crm.marketing.CampaignTaskPhase;
import com.kehu.crm.marketing.CampaignType;
import com.kehu.crm.marketing.ExpenseCategory;
import com.kehu.crm.marketing.ShowKind;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.ConflictRow;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The marketer's campaign screens: the list with spent against budget, the ROI ranking of a page of campaigns, the
 * form (show details for exhibitions), and the campaign page with its summary, performance, expenses, members and
 * the exhibition plan.
 */
@Controller
@RequestMapping("/campaigns")
@RequiredArgsConstructor
class CampaignController {

    static final int PAGE_SIZE = 25;
    static final int RANKING_PAGE_SIZE = 10;
    static final int MEMBER_PAGE_SIZE = 25;

    private final CampaignQueries queries;
    private final CampaignService service;
    private final CampaignAttribution attribution;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable CampaignStatus status,
            @RequestParam(required = false) @Nullable CampaignType type,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        var campaigns = queries.list(
                new CampaignFilter(status, type, q), Math.max(page, 0), PAGE_SIZE, principal.currentUser());
        filters(model, status, type, q);
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("pageLinks", Urls.pageLinks(campaigns));
        return "campaigns/list";
    }

    /**
     * The ROI ranking of one page of campaigns (newest first, with the list's filters). The page comes at once; its
     * table is fetched by htmx from {@link #rankingTable}, because attributing a page of large campaigns takes seconds
     * (docs/benchmarks.md), and the user sees it computing meanwhile.
     */
    @GetMapping("/performance")
    String ranking(
            @RequestParam(required = false) @Nullable CampaignStatus status,
            @RequestParam(required = false) @Nullable CampaignType type,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        PageView<CampaignRow> campaigns = queries.list(
                new CampaignFilter(status, type, q), Math.max(page, 0), RANKING_PAGE_SIZE, principal.currentUser());
        filters(model, status, type, q);
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("pageLinks", Urls.pageLinks(campaigns));
        model.addAttribute(
                "tableUrl",
                ServletUriComponentsBuilder.fromCurrentRequest()
                        .replacePath("/campaigns/performance/table")
                        .build()
                        .toUriString());
        return "campaigns/performance";
    }

    /** The ranked table: the page's campaigns by ROI, highest first; no ROI (no cost) ranks last. */
    @GetMapping("/performance/table")
    String rankingTable(
            @RequestParam(required = false) @Nullable CampaignStatus status,
            @RequestParam(required = false) @Nullable CampaignType type,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        PageView<CampaignRow> campaigns = queries.list(
                new CampaignFilter(status, type, q), Math.max(page, 0), RANKING_PAGE_SIZE, principal.currentUser());
        Map<Long, CampaignPerformance> figures =
                attribution.of(campaigns.content().stream().map(CampaignRow::id).toList());
        List<Ranked> ranked = new ArrayList<>(campaigns.content().stream()
                .map(c -> new Ranked(c, figures.get(c.id())))
                .toList());
        ranked.sort(Comparator.comparing(
                (Ranked r) -> r.performance().roi(), Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("ranked", ranked);
        return "campaigns/performance :: table";
    }

    /** A campaign of the ranking with its figures. */
    record Ranked(CampaignRow row, CampaignPerformance performance) {}

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        CampaignForm form = new CampaignForm();
        form.setOwnerId(user.id());
        return form(model, form, null);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("campaign") CampaignForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        checkDates(form, result);
        if (result.hasErrors()) {
            return form(model, form, null);
        }
        try {
            long id = service.create(form.toData(), principal.currentUser());
            Flash.success(flash, "campaign.created");
            return "redirect:/campaigns/" + id;
        } catch (CampaignRuleException e) {
            result.reject(e.reasonKey());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable CampaignMemberStatus memberStatus,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        return detailView(model, id, memberStatus, page, principal.currentUser());
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CampaignDetails campaign = queries.details(id, principal.currentUser());
        if (!campaign.changeable()) {
            throw new org.springframework.security.access.AccessDeniedException("not the owner");
        }
        return form(model, CampaignForm.of(campaign), campaign);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("campaign") CampaignForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        checkDates(form, result);
        if (result.hasErrors()) {
            return form(model, form, queries.details(id, user));
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
            Flash.success(flash, "campaign.saved");
            return "redirect:/campaigns/" + id;
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            return conflict(model, form, queries.details(id, user));
        } catch (CampaignRuleException e) {
            result.reject(e.reasonKey());
            return form(model, form, queries.details(id, user));
        }
    }

    @PostMapping("/{id}/status")
    String status(
            @PathVariable long id,
            @RequestParam CampaignStatus status,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.changeStatus(id, status, principal.currentUser());
            Flash.success(flash, "campaign.statusChanged");
        } catch (CampaignRuleException e) {
            Flash.error(flash, e.reasonKey());
        } catch (ObjectOptimisticLockingFailureException e) {
            Flash.error(flash, "campaign.conflict");
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        try {
            service.delete(id, principal.currentUser());
            Flash.success(flash, "campaign.deleted");
            return "redirect:/campaigns";
        } catch (CampaignRuleException e) {
            Flash.error(flash, e.reasonKey());
            return "redirect:/campaigns/" + id;
        }
    }

    @PostMapping("/{id}/expenses")
    String addExpense(
            @PathVariable long id,
            @Valid @ModelAttribute("expense") CampaignExpenseForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return detailView(model, id, null, 0, user);
        }
        try {
            service.addExpense(
                    id,
                    Objects.requireNonNull(form.getSpentOn()),
                    Objects.requireNonNull(form.getCategory()),
                    Objects.requireNonNull(form.getAmount()),
                    form.getNote(),
                    user);
        } catch (CampaignRuleException e) {
            result.rejectValue("amount", e.reasonKey());
            return detailView(model, id, null, 0, user);
        }
        Flash.success(flash, "campaign.expense.added");
        return "redirect:/campaigns/" + id + "#expenses";
    }

    @PostMapping("/{id}/expenses/{expenseId}/delete")
    String removeExpense(
            @PathVariable long id,
            @PathVariable long expenseId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        service.removeExpense(id, expenseId, principal.currentUser());
        Flash.success(flash, "campaign.expense.removed");
        return "redirect:/campaigns/" + id + "#expenses";
    }

    @PostMapping("/{id}/tasks")
    String addTask(
            @PathVariable long id,
            @Valid @ModelAttribute("task") CampaignTaskForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return detailView(model, id, null, 0, user);
        }
        service.addTask(
                id,
                Objects.requireNonNull(form.getPhase()),
                form.getTitle(),
                form.getDueOn(),
                form.getAssigneeId(),
                user);
        Flash.success(flash, "campaign.task.added");
        return "redirect:/campaigns/" + id + "#plan";
    }

    @PostMapping("/{id}/tasks/{taskId}/done")
    String completeTask(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(defaultValue = "true") boolean done,
            @AuthenticationPrincipal CrmUserDetails principal) {
        service.completeTask(id, taskId, done, principal.currentUser());
        return "redirect:/campaigns/" + id + "#plan";
    }

    @PostMapping("/{id}/follow-ups")
    String followUps(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        int created = service.createFollowUps(id, principal.currentUser());
        flash.addFlashAttribute("followUpsCreated", created);
        Flash.success(flash, "campaign.followUps.done");
        return "redirect:/campaigns/" + id + "#plan";
    }

    String detailView(Model model, long id, @Nullable CampaignMemberStatus memberStatus, int page, CurrentUser user) {
        CampaignDetails campaign = queries.details(id, user);
        var members = queries.members(id, memberStatus, Math.max(page, 0), MEMBER_PAGE_SIZE, user);
        model.addAttribute("campaign", campaign);
        model.addAttribute("performance", attribution.of(id));
        model.addAttribute("expenses", queries.expenses(id, user));
        model.addAttribute("tasks", campaign.exhibition() ? queries.tasks(id, user) : List.of());
        model.addAttribute("members", members);
        model.addAttribute("memberStatus", memberStatus);
        model.addAttribute("pageLinks", Urls.pageLinks(members));
        model.addAttribute("memberStatuses", CampaignMemberStatus.values());
        model.addAttribute(
                "responses",
                List.of(CampaignMemberStatus.SENT, CampaignMemberStatus.RESPONDED, CampaignMemberStatus.ATTENDED));
        model.addAttribute("nextStatuses", campaign.row().status().next());
        model.addAttribute("categories", ExpenseCategory.values());
        model.addAttribute("phases", CampaignTaskPhase.values());
        model.addAttribute("owners", campaign.changeable() ? queries.owners() : List.of());
        if (!model.containsAttribute("expense")) {
            CampaignExpenseForm expense = new CampaignExpenseForm();
            model.addAttribute("expense", expense);
        }
        if (!model.containsAttribute("prospect")) {
            model.addAttribute("prospect", new CampaignProspectForm());
        }
        if (!model.containsAttribute("task")) {
            model.addAttribute("task", new CampaignTaskForm());
        }
        return "campaigns/detail";
    }

    private static void filters(Model model, @Nullable CampaignStatus status, @Nullable CampaignType type, String q) {
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        model.addAttribute("statuses", CampaignStatus.values());
        model.addAttribute("types", CampaignType.values());
    }

    private static void checkDates(CampaignForm form, BindingResult result) {
        if (form.getStartOn() != null
                && form.getEndOn() != null
                && form.getStartOn().isAfter(form.getEndOn())) {
            result.rejectValue("endOn", "campaign.dates.order");
        }
    }

    private String form(Model model, CampaignForm form, @Nullable CampaignDetails existing) {
        model.addAttribute("campaign", form);
        model.addAttribute("existing", existing);
        model.addAttribute("types", CampaignType.values());
        model.addAttribute("showKinds", ShowKind.values());
        model.addAttribute("owners", queries.owners());
        return "campaigns/form";
    }

    private String conflict(Model model, CampaignForm mine, CampaignDetails theirs) {
        CampaignForm saved = CampaignForm.of(theirs);
        List<ConflictRow> changed = new ArrayList<>();
        ConflictRow.addIfChanged(changed, "name", saved.getName(), mine.getName(), null);
        ConflictRow.addIfChanged(changed, "type", saved.getType(), mine.getType(), "CampaignType");
        ConflictRow.addIfChanged(changed, "objective", saved.getObjective(), mine.getObjective(), null);
        ConflictRow.addIfChanged(changed, "startOn", saved.getStartOn(), mine.getStartOn(), null);
        ConflictRow.addIfChanged(changed, "endOn", saved.getEndOn(), mine.getEndOn(), null);
        ConflictRow.addIfChanged(changed, "budget", plain(saved.getBudget()), plain(mine.getBudget()), null);
        ConflictRow.addIfChanged(
                changed, "attributionDays", saved.getAttributionDays(), mine.getAttributionDays(), null);
        ConflictRow.addIfChanged(changed, "showKind", saved.getShowKind(), mine.getShowKind(), "ShowKind");
        ConflictRow.addIfChanged(changed, "showOrganiser", saved.getShowOrganiser(), mine.getShowOrganiser(), null);
        ConflictRow.addIfChanged(changed, "showVenue", saved.getShowVenue(), mine.getShowVenue(), null);
        ConflictRow.addIfChanged(changed, "showBooth", saved.getShowBooth(), mine.getShowBooth(), null);
        mine.setVersion(theirs.version());
        model.addAttribute("campaign", mine);
        model.addAttribute("details", theirs);
        model.addAttribute("changed", changed);
        return "campaigns/conflict";
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}

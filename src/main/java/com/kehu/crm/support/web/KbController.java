package com.kehu.crm.support.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import com.kehu.crm.support.KbArticleDetails;
import com.kehu.crm.support.KbQueries;
import com.kehu.crm.support.KbService;
import jakarta.servlet.http.HttpServletRequest;
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

/** The knowledge base: search, read, write, publish, and the "solved by" panel of a ticket (htmx). */
@Controller
@RequestMapping("/kb")
@RequiredArgsConstructor
class KbController {

    private final KbQueries queries;
    private final KbService service;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long category,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        var articles = queries.search(q, category, page, 20, user);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("category", category);
        model.addAttribute("categories", queries.categories());
        model.addAttribute("articles", articles);
        model.addAttribute("pageLinks", Urls.pageLinks(articles));
        model.addAttribute("canEdit", queries.canEdit(user));
        return "kb/list";
    }

    @GetMapping("/articles/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        model.addAttribute("article", queries.details(id, user));
        model.addAttribute("canEdit", queries.canEdit(user));
        return "kb/detail";
    }

    @GetMapping("/articles/new")
    String createForm(Model model) {
        return form(model, new KbArticleForm(), null);
    }

    @PostMapping("/articles")
    String create(
            @Valid @ModelAttribute("article") KbArticleForm form,
            BindingResult result,
            @RequestParam(defaultValue = "false") boolean publish,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        if (result.hasErrors()) {
            return form(model, form, null);
        }
        long id = service.create(form.toData(), publish, principal.currentUser());
        Flash.success(flash, publish ? "kb.published" : "kb.saved");
        return "redirect:/kb/articles/" + id;
    }

    @GetMapping("/articles/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        KbArticleDetails article = queries.details(id, principal.currentUser());
        return form(model, KbArticleForm.of(article), article);
    }

    @PostMapping("/articles/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("article") KbArticleForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        KbArticleDetails current = queries.details(id, user);
        if (result.hasErrors()) {
            return form(model, form, current);
        }
        try {
            service.update(id, form.getVersion(), form.toData(), user);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            form.setVersion(current.version());
            return form(model, form, current);
        }
        Flash.success(flash, "kb.saved");
        return "redirect:/kb/articles/" + id;
    }

    @PostMapping("/articles/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        service.publish(id, principal.currentUser());
        Flash.success(flash, "kb.published");
        return "redirect:/kb/articles/" + id;
    }

    @PostMapping("/articles/{id}/unpublish")
    String unpublish(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        service.unpublish(id, principal.currentUser());
        Flash.success(flash, "kb.unpublished");
        return "redirect:/kb/articles/" + id;
    }

    /** The ticket page's "solved by" panel: linked articles, and a search to link more. */
    @GetMapping("/for-ticket/{ticketId}")
    String forTicket(
            @PathVariable long ticketId,
            @RequestParam(required = false) @Nullable String q,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        return ticketPanel(ticketId, q, principal.currentUser(), model);
    }

    @PostMapping("/articles/{id}/links")
    String link(
            @PathVariable long id,
            @RequestParam long ticketId,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        service.link(id, ticketId, principal.currentUser());
        return afterLinkChange(ticketId, principal.currentUser(), request, model, flash, "kb.linked");
    }

    @PostMapping("/articles/{id}/unlink")
    String unlink(
            @PathVariable long id,
            @RequestParam long ticketId,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        service.unlink(id, ticketId, principal.currentUser());
        return afterLinkChange(ticketId, principal.currentUser(), request, model, flash, "kb.unlinked");
    }

    private String afterLinkChange(
            long ticketId,
            CurrentUser user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash,
            String messageKey) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            return ticketPanel(ticketId, null, user, model);
        }
        Flash.success(flash, messageKey);
        return "redirect:/tickets/" + ticketId;
    }

    private String ticketPanel(long ticketId, @Nullable String q, CurrentUser user, Model model) {
        var linked = queries.forTicket(ticketId, user);
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("linked", linked);
        model.addAttribute("linkedIds", linked.stream().map(a -> a.id()).toList());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(
                "found",
                q == null || q.isBlank()
                        ? java.util.List.of()
                        : queries.search(q, null, 0, 10, user).content().stream()
                                .filter(a -> a.published())
                                .toList());
        return "kb/list :: ticket-articles";
    }

    private String form(Model model, KbArticleForm form, @Nullable KbArticleDetails existing) {
        model.addAttribute("article", form);
        model.addAttribute("existing", existing);
        model.addAttribute("categories", queries.categories());
        return "kb/form";
    }
}

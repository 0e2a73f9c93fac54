package com.kehu.crm.identity.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.DuplicateUsernameException;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.identity.WeakPasswordException;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
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

/** Admin screens: list, create and edit users, disable and enable them, reset a password. */
@Controller
@RequestMapping("/admin/users")
@RequiredArgsConstructor
class UserAdminController {

    private static final int PAGE_SIZE = 25;

    private final UserQueries queries;
    private final UserService service;

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        var users = queries.search(q, page, PAGE_SIZE);
        model.addAttribute("users", users);
        model.addAttribute("pageLinks", Urls.pageLinks(users));
        return "admin/users/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new UserForm(), true);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("user") UserForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        if (form.getPassword() == null || form.getPassword().isBlank()) {
            result.rejectValue("password", "NotBlank");
        }
        if (result.hasErrors()) {
            return form(model, form, true);
        }
        try {
            long id = service.create(form.toCreate(), principal.currentUser());
            Flash.success(flash, "user.created");
            return "redirect:/admin/users/" + id;
        } catch (DuplicateUsernameException e) {
            result.rejectValue("username", "user.username.taken");
        } catch (WeakPasswordException e) {
            e.problems().forEach(code -> result.rejectValue("password", code));
        }
        return form(model, form, true);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        var user = queries.details(id);
        model.addAttribute("details", user);
        return form(model, UserForm.of(user), false);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("user") UserForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails admin,
            Model model,
            RedirectAttributes flash) {
        var current = queries.details(id);
        model.addAttribute("details", current);
        // the username is fixed after creation; ignore whatever was posted
        form.setUsername(current.username());
        if (result.hasErrors()) {
            return form(model, form, false);
        }
        try {
            service.update(id, form.toUpdate(), admin.currentUser());
            Flash.success(flash, "user.saved");
            return "redirect:/admin/users/" + id;
        } catch (EditConflictException e) {
            model.addAttribute("conflict", true);
            form.setVersion(current.version());
            return form(model, form, false);
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails admin, RedirectAttributes flash) {
        service.disable(id, admin.currentUser());
        Flash.success(flash, "user.disabledFlash");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails admin, RedirectAttributes flash) {
        service.enable(id, admin.currentUser());
        Flash.success(flash, "user.enabledFlash");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam String password,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.resetPassword(id, password, principal.currentUser());
            Flash.success(flash, "user.passwordReset");
        } catch (WeakPasswordException e) {
            flash.addFlashAttribute("passwordProblems", e.problems());
        }
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, UserForm form, boolean creating) {
        model.addAttribute("user", form);
        model.addAttribute("creating", creating);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", queries.teams());
        return "admin/users/form";
    }
}

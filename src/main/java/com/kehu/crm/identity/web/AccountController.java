package com.kehu.crm.identity.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Language;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.identity.WeakPasswordException;
import com.kehu.crm.identity.WrongPasswordException;
import com.kehu.crm.shared.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own settings: language and password. */
@Controller
@RequestMapping("/account")
@RequiredArgsConstructor
class AccountController {

    private final UserService users;
    private final LocaleResolver localeResolver;

    record PasswordForm(
            @NotBlank String currentPassword,
            @NotBlank String newPassword,
            @NotBlank String confirmPassword) {
        static PasswordForm empty() {
            return new PasswordForm("", "", "");
        }
    }

    /** The header's language switcher: remembered for the session and saved as the user's preference. */
    @PostMapping("/language")
    String changeLanguage(
            @RequestParam String lang,
            @RequestParam(defaultValue = "/") String returnTo,
            @AuthenticationPrincipal CrmUserDetails user,
            HttpServletRequest request,
            HttpServletResponse response) {
        Language language = Language.fromTag(lang);
        if (language != null) {
            localeResolver.setLocale(request, response, language.locale());
            users.setLanguage(user.getId(), language);
        }
        return "redirect:" + safeLocalPath(returnTo);
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        return "account/password";
    }

    @PostMapping("/password")
    String changePassword(
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails user,
            RedirectAttributes flash) {
        if (!result.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                users.changeOwnPassword(user.getId(), form.currentPassword(), form.newPassword());
                Flash.success(flash, "account.password.changed");
                return "redirect:/";
            } catch (WrongPasswordException e) {
                result.rejectValue("currentPassword", "password.wrongCurrent");
            } catch (WeakPasswordException e) {
                e.problems().forEach(code -> result.rejectValue("newPassword", code));
            }
        }
        return "account/password";
    }

    /** Only paths on this site, so the switcher cannot be used as an open redirect. */
    static String safeLocalPath(String returnTo) {
        try {
            URI uri = URI.create(returnTo);
            if (uri.getScheme() == null
                    && uri.getAuthority() == null
                    && returnTo.startsWith("/")
                    && !returnTo.startsWith("//")
                    && !returnTo.contains("\\")) {
                return returnTo;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the home page
        }
        return "/";
    }
}

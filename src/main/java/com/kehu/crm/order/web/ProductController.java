package com.kehu.crm.order.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.order.ProductQueries;
import com.kehu.crm.order.ProductRow;
import com.kehu.crm.order.ProductService;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import jakarta.validation.Valid;
import java.util.Locale;
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

/** The price list (价目表): every seller reads it, managers and admins change it. */
@Controller
@RequestMapping("/products")
@RequiredArgsConstructor
class ProductController {

    private final ProductQueries queries;
    private final ProductService service;
    private final SalesProperties sales;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        var products = queries.list(q, active, category, page, 25);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("active", active);
        model.addAttribute("category", category == null ? "" : category.strip().toUpperCase(Locale.ROOT));
        model.addAttribute("categories", queries.categories(false));
        model.addAttribute("products", products);
        model.addAttribute("pageLinks", Urls.pageLinks(products));
        model.addAttribute("canManage", queries.canManage(principal.currentUser()));
        return "products/list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        requireManager(principal.currentUser());
        ProductForm form = new ProductForm();
        form.setCurrency(sales.currency());
        return form(model, form, null, principal.currentUser());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("product") ProductForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        requireManager(user);
        if (!result.hasErrors()) {
            try {
                service.create(form.toData(), user);
                Flash.success(flash, "product.created");
                return "redirect:/products";
            } catch (OrderRuleException e) {
                reject(result, e);
            }
        }
        return form(model, form, null, user);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        ProductRow product = queries.details(id);
        return form(model, ProductForm.of(product), product, principal.currentUser());
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("product") ProductForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        requireManager(user);
        ProductRow current = queries.details(id);
        if (!result.hasErrors()) {
            try {
                service.update(id, form.getVersion(), form.toData(), user);
                Flash.success(flash, "product.saved");
                return "redirect:/products";
            } catch (OrderRuleException e) {
                reject(result, e);
            } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
                model.addAttribute("conflict", true);
                form.setVersion(current.version());
            }
        }
        return form(model, form, current, user);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        service.deactivate(id, principal.currentUser());
        Flash.success(flash, "product.deactivated");
        return "redirect:/products";
    }

    private String form(Model model, ProductForm form, @Nullable ProductRow existing, CurrentUser user) {
        model.addAttribute("product", form);
        model.addAttribute("existing", existing);
        model.addAttribute("canManage", queries.canManage(user));
        // active categories, and the product's own even if deactivated since, so saving keeps it
        String own = existing == null || existing.category() == null
                ? ""
                : existing.category().code();
        model.addAttribute(
                "categories",
                queries.categories(false).stream()
                        .filter(c -> c.active() || c.code().equals(own))
                        .toList());
        return "products/form";
    }

    private static void reject(BindingResult result, OrderRuleException e) {
        String field = "category".equals(e.field()) ? "category" : "code";
        result.rejectValue(field, e.messageKey(), e.messageArguments(), e.messageKey());
    }

    private void requireManager(CurrentUser user) {
        if (!queries.canManage(user)) {
            throw new AccessDeniedException("Role " + user.role() + " cannot change the price list");
        }
    }
}

package com.kehu.crm.order.web;

import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.order.ProductCategoryService;
import com.kehu.crm.order.ProductQueries;
import com.kehu.crm.shared.web.Flash;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the product categories: add, rename in both languages, reorder, deactivate. */
@Controller
@RequestMapping("/admin/product-categories")
@RequiredArgsConstructor
class ProductCategoryController {

    private final ProductQueries queries;
    private final ProductCategoryService service;

    @GetMapping
    String list(Model model) {
        model.addAttribute("categories", queries.categories(false));
        return "admin/product-categories";
    }

    @PostMapping
    String add(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameZh,
            RedirectAttributes flash) {
        if (!code.strip().matches("[A-Za-z][A-Za-z0-9_]{1,39}") || !valid(nameEn) || !valid(nameZh)) {
            Flash.error(flash, "productCategory.invalid");
            return "redirect:/admin/product-categories";
        }
        try {
            service.add(code, nameEn, nameZh);
            Flash.success(flash, "productCategory.added");
        } catch (OrderRuleException e) {
            Flash.error(flash, e.messageKey());
        }
        return "redirect:/admin/product-categories";
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameZh,
            RedirectAttributes flash) {
        if (!valid(nameEn) || !valid(nameZh)) {
            Flash.error(flash, "productCategory.invalid");
        } else {
            service.rename(id, nameEn, nameZh);
            Flash.success(flash, "productCategory.saved");
        }
        return "redirect:/admin/product-categories";
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam boolean up) {
        service.move(id, up);
        return "redirect:/admin/product-categories";
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        service.setActive(id, active);
        Flash.success(flash, "productCategory.saved");
        return "redirect:/admin/product-categories";
    }

    private static boolean valid(String name) {
        return !name.isBlank() && name.strip().length() <= 100;
    }
}

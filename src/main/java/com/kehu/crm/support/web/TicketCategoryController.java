package com.kehu.crm.support.web;

import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.support.TicketCategoryService;
import com.kehu.crm.support.TicketQueries;
import com.kehu.crm.support.TicketRuleException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the ticket categories: add, rename in both languages, reorder, deactivate. */
@Controller
@RequestMapping("/admin/ticket-categories")
@RequiredArgsConstructor
class TicketCategoryController {

    private final TicketQueries queries;
    private final TicketCategoryService service;

    @GetMapping
    String list(Model model) {
        model.addAttribute("categories", queries.categories(false));
        return "admin/ticket-categories";
    }

    @PostMapping
    String add(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameZh,
            RedirectAttributes flash) {
        if (!code.strip().matches("[A-Za-z][A-Za-z0-9_]{1,39}") || !valid(nameEn) || !valid(nameZh)) {
            Flash.error(flash, "ticketCategory.invalid");
            return "redirect:/admin/ticket-categories";
        }
        try {
            service.add(code, nameEn, nameZh);
            Flash.success(flash, "ticketCategory.added");
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
        }
        return "redirect:/admin/ticket-categories";
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameZh,
            RedirectAttributes flash) {
        if (!valid(nameEn) || !valid(nameZh)) {
            Flash.error(flash, "ticketCategory.invalid");
        } else {
            service.rename(id, nameEn, nameZh);
            Flash.success(flash, "ticketCategory.saved");
        }
        return "redirect:/admin/ticket-categories";
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam boolean up) {
        service.move(id, up);
        return "redirect:/admin/ticket-categories";
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        service.setActive(id, active);
        Flash.success(flash, "ticketCategory.saved");
        return "redirect:/admin/ticket-categories";
    }

    private static boolean valid(String name) {
        return !name.isBlank() && name.strip().length() <= 100;
    }
}

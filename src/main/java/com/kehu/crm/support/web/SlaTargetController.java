package com.kehu.crm.support.web;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.support.SlaPolicy;
import com.kehu.crm.support.TicketPriority;
import com.kehu.crm.support.TicketRuleException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins tune the SLA table: minutes to first response and to resolution per priority and value tier. */
@Controller
@RequestMapping("/admin/sla")
@RequiredArgsConstructor
class SlaTargetController {

    private final SlaPolicy sla;

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", sla.rows());
        return "admin/sla";
    }

    @PostMapping
    String update(
            @RequestParam TicketPriority priority,
            @RequestParam Importance tier,
            @RequestParam int firstResponseMinutes,
            @RequestParam int resolutionMinutes,
            RedirectAttributes flash) {
        try {
            sla.update(priority, tier, firstResponseMinutes, resolutionMinutes);
            Flash.success(flash, "sla.saved");
        } catch (TicketRuleException e) {
            Flash.error(flash, e.reasonKey());
        }
        return "redirect:/admin/sla";
    }
}

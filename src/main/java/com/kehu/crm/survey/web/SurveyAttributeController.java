package com.kehu.crm.survey.web;

import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.survey.SurveyAttributeService;
import com.kehu.crm.survey.SurveyQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
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

/** {@code /admin/survey-attributes}: add, relabel, reorder and (de)activate the attributes customers rate. */
@Controller
@RequestMapping("/admin/survey-attributes")
@RequiredArgsConstructor
class SurveyAttributeController {

    private final SurveyQueries queries;
    private final SurveyAttributeService service;

    @Getter
    @Setter
    static class AttributeForm {
        @NotBlank
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
        private String code = "";

        @NotBlank
        @Size(max = 100)
        private String labelEn = "";

        @NotBlank
        @Size(max = 100)
        private String labelZh = "";
    }

    @GetMapping
    String list(Model model) {
        return page(model, new AttributeForm());
    }

    @PostMapping
    String add(
            @Valid @ModelAttribute("attribute") AttributeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(model, form);
        }
        try {
            service.add(form.getCode(), form.getLabelEn(), form.getLabelZh());
        } catch (SurveyAttributeService.DuplicateCodeException e) {
            result.rejectValue("code", "survey.attribute.code.taken");
            return page(model, form);
        }
        Flash.success(flash, "survey.attribute.saved");
        return "redirect:/admin/survey-attributes";
    }

    @PostMapping("/{id}")
    String relabel(
            @PathVariable long id,
            @RequestParam String labelEn,
            @RequestParam String labelZh,
            RedirectAttributes flash) {
        if (labelEn.isBlank()
                || labelZh.isBlank()
                || labelEn.strip().length() > 100
                || labelZh.strip().length() > 100) {
            Flash.error(flash, "survey.attribute.labelInvalid");
        } else {
            service.relabel(id, labelEn, labelZh);
            Flash.success(flash, "survey.attribute.saved");
        }
        return "redirect:/admin/survey-attributes";
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam boolean up) {
        service.move(id, up);
        return "redirect:/admin/survey-attributes";
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        service.setActive(id, active);
        Flash.success(flash, "survey.attribute.saved");
        return "redirect:/admin/survey-attributes";
    }

    private String page(Model model, AttributeForm form) {
        model.addAttribute("attribute", form);
        model.addAttribute("attributes", queries.attributes(false));
        return "admin/survey-attributes";
    }
}

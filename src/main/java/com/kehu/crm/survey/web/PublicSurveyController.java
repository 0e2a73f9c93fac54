package com.kehu.crm.survey.web;

import com.kehu.crm.survey.InvalidSurveyAnswersException;
import com.kehu.crm.survey.LinkState;
import com.kehu.crm.survey.SurveyQueries;
import com.kehu.crm.survey.SurveyResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The customer's survey page behind {@code /s/{token}}, without sign-in. Opening the page never uses the link; only a
 * valid submission does. Unknown, malformed and expired links get one and the same page (404), so the response says
 * nothing about whether a token ever existed.
 */
@Controller
@RequestMapping("/s/{token}")
@RequiredArgsConstructor
class PublicSurveyController {

    private final SurveyQueries queries;
    private final SurveyResponses responses;

    @InitBinder("survey")
    void allowOnlyAnswers(WebDataBinder binder) {
        binder.setAllowedFields(
                "overall", "attributes*", "expectation", "performance", "repurchaseIntent", "recommend", "comment");
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return switch (queries.linkState(token)) {
            case OPEN -> form(model, new SurveyForm(), token);
            case ANSWERED -> message(model, "survey.public.already", HttpServletResponse.SC_OK, response);
            case INVALID -> invalid(model, response);
        };
    }

    @PostMapping
    String submit(
            @PathVariable String token,
            @ModelAttribute("survey") SurveyForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        LinkState state = queries.linkState(token);
        if (state == LinkState.INVALID) {
            return invalid(model, response);
        }
        if (state == LinkState.ANSWERED) {
            return message(model, "survey.public.already", HttpServletResponse.SC_CONFLICT, response);
        }
        List<String> codes = queries.activeAttributeCodes();
        form.validate(result, codes);
        if (result.hasErrors()) {
            return form(model, form, token);
        }
        SurveyResponses.Submission outcome;
        try {
            outcome = responses.submitByLink(token, form.toAnswers());
        } catch (InvalidSurveyAnswersException e) {
            // the attributes changed between the check and the save
            e.violations().forEach(v -> result.rejectValue(v.field(), v.messageKey()));
            return form(model, form, token);
        } catch (DataIntegrityViolationException e) {
            // a second submission racing this one won
            return message(model, "survey.public.already", HttpServletResponse.SC_CONFLICT, response);
        }
        return switch (outcome) {
            case SAVED -> message(model, "survey.public.thanks", HttpServletResponse.SC_OK, response);
            case ALREADY_ANSWERED -> message(model, "survey.public.already", HttpServletResponse.SC_CONFLICT, response);
            case INVALID -> invalid(model, response);
        };
    }

    private String form(Model model, SurveyForm form, String token) {
        model.addAttribute("survey", form);
        model.addAttribute("token", token);
        model.addAttribute("attributes", queries.attributes(true));
        return "surveys/public";
    }

    private String invalid(Model model, HttpServletResponse response) {
        return message(model, "survey.public.invalid", HttpServletResponse.SC_NOT_FOUND, response);
    }

    private String message(Model model, String key, int status, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("messageKey", key);
        return "surveys/public-message";
    }
}

package com.kehu.crm.survey.web;

import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.Urls;
import com.kehu.crm.survey.InvalidSurveyAnswersException;
import com.kehu.crm.survey.IssuedLink;
import com.kehu.crm.survey.SurveyAlreadyAnsweredException;
import com.kehu.crm.survey.SurveyFilter;
import com.kehu.crm.survey.SurveyInvitations;
import com.kehu.crm.survey.SurveyQueries;
import com.kehu.crm.survey.SurveyResponses;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
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
 * Staff screens: the response list and detail, the survey block of a ticket or order page (htmx), issuing the link
 * to send, and recording answers taken over the phone.
 */
@Controller
@RequestMapping("/surveys")
@RequiredArgsConstructor
class SurveyController {

    private final SurveyQueries queries;
    private final SurveyResponses responses;
    private final SurveyInvitations invitations;
    private final CustomerQueries customers;

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long ticketId,
            @RequestParam(required = false) @Nullable Long orderId,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        var view = queries.list(new SurveyFilter(customerId, ticketId, orderId), page, 25, principal.currentUser());
        model.addAttribute("responses", view);
        model.addAttribute("pageLinks", Urls.pageLinks(view));
        model.addAttribute("customerId", customerId);
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("orderId", orderId);
        return "surveys/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("response", queries.details(id, principal.currentUser()));
        return "surveys/detail";
    }

    @GetMapping("/for-ticket/{ticketId}")
    String forTicket(@PathVariable long ticketId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("invitation", queries.forTicket(ticketId, principal.currentUser()));
        return "surveys/fragments :: invitation";
    }

    @GetMapping("/for-order/{orderId}")
    String forOrder(@PathVariable long orderId, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("invitation", queries.forOrder(orderId, principal.currentUser()));
        return "surveys/fragments :: invitation";
    }

    /** A new link to send (htmx); the previous one stops working. */
    @PostMapping("/invitations/{id}/link")
    String issueLink(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        try {
            IssuedLink link = invitations.issueLink(id, principal.currentUser());
            model.addAttribute("link", link);
            model.addAttribute(
                    "url",
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/s/{token}")
                            .buildAndExpand(link.token())
                            .toUriString());
        } catch (SurveyAlreadyAnsweredException e) {
            model.addAttribute("answered", true);
        }
        return "surveys/fragments :: link";
    }

    @GetMapping("/record")
    String recordForm(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long ticketId,
            @RequestParam(required = false) @Nullable Long orderId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        SurveyForm form = new SurveyForm();
        form.setCustomerId(customerId);
        form.setTicketId(ticketId);
        form.setOrderId(orderId);
        return recordPage(model, form, principal.currentUser());
    }

    @PostMapping("/record")
    String record(
            @ModelAttribute("survey") SurveyForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        form.validate(result, queries.activeAttributeCodes());
        if (result.hasErrors()) {
            return recordPage(model, form, user);
        }
        long id;
        try {
            id = responses.record(
                    new SurveyResponses.Recorded(
                            form.getCustomerId(), form.getTicketId(), form.getOrderId(), form.toAnswers()),
                    user);
        } catch (InvalidSurveyAnswersException e) {
            e.violations().forEach(v -> result.reject(v.messageKey()));
            return recordPage(model, form, user);
        } catch (SurveyAlreadyAnsweredException e) {
            result.reject("survey.error.alreadyAnswered");
            return recordPage(model, form, user);
        }
        Flash.success(flash, "survey.recorded");
        return "redirect:/surveys/" + id;
    }

    private String recordPage(Model model, SurveyForm form, CurrentUser user) {
        Long customerId = form.getCustomerId();
        if (form.getTicketId() != null) {
            customerId = queries.forTicket(form.getTicketId(), user).customerId();
        } else if (form.getOrderId() != null) {
            customerId = queries.forOrder(form.getOrderId(), user).customerId();
        }
        if (customerId == null) {
            throw CustomerNotFoundException.forId(0);
        }
        CustomerRow customer = customers.row(customerId, user);
        if (customer == null) {
            throw CustomerNotFoundException.forId(customerId);
        }
        model.addAttribute("survey", form);
        model.addAttribute("customerName", customer.name());
        model.addAttribute("attributes", queries.attributes(true));
        return "surveys/record";
    }
}

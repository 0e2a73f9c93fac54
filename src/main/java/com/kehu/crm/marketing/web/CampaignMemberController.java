package com.kehu.crm.marketing.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.marketing.CampaignImportResult;
import com.kehu.crm.marketing.CampaignMemberRow;
import com.kehu.crm.marketing.CampaignMemberStatus;
import com.kehu.crm.marketing.CampaignProspect;
import com.kehu.crm.marketing.CampaignQueries;
import com.kehu.crm.marketing.CampaignResponseImport;
import com.kehu.crm.marketing.CampaignRuleException;
import com.kehu.crm.marketing.CampaignService;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.export.ExportColumn;
import com.kehu.crm.shared.export.ExportFormat;
import com.kehu.crm.shared.export.ListExports;
import com.kehu.crm.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's members on its page: adding customers (through a lookup that shows only name, code and region),
 * contacts, leads and walk-in prospects; recording responses one by one, for a selection, or from an imported list;
 * converting a prospect to a pool lead; and exporting the target list (CSV or Excel).
 */
@Controller
@RequestMapping("/campaigns/{id}")
@RequiredArgsConstructor
class CampaignMemberController {

    private final CampaignQueries queries;
    private final CampaignService service;
    private final CampaignResponseImport responseImport;
    private final CampaignController campaigns;
    private final MessageSource messages;
    private final ListExports exports;

    @GetMapping("/lookup/customers")
    String customers(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute(
                "matches", q.strip().isEmpty() ? List.of() : queries.findCustomers(q, principal.currentUser()));
        return "campaigns/detail :: customer-matches";
    }

    @GetMapping("/lookup/contacts")
    String contacts(
            @PathVariable long id,
            @RequestParam long customerId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("contacts", queries.contactsOf(customerId, principal.currentUser()));
        return "campaigns/detail :: contact-matches";
    }

    @GetMapping("/lookup/leads")
    String leads(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("leads", q.strip().isEmpty() ? List.of() : queries.findLeads(q, principal.currentUser()));
        return "campaigns/detail :: lead-matches";
    }

    @PostMapping("/members")
    String add(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long contactId,
            @RequestParam(required = false) @Nullable Long leadId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        try {
            if (contactId != null) {
                service.addContact(id, contactId, user);
            } else if (leadId != null) {
                service.addLead(id, leadId, user);
            } else if (customerId != null) {
                service.addCustomer(id, customerId, user);
            } else {
                return "redirect:/campaigns/" + id + "#members";
            }
            Flash.success(flash, "campaign.member.added");
        } catch (CampaignRuleException e) {
            Flash.error(flash, e.reasonKey());
        }
        return "redirect:/campaigns/" + id + "#members";
    }

    @PostMapping("/prospects")
    String addProspect(
            @PathVariable long id,
            @Valid @ModelAttribute("prospect") CampaignProspectForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        if (result.hasErrors()) {
            return campaigns.detailView(model, id, null, 0, user);
        }
        service.addProspect(
                id, new CampaignProspect(form.getName(), form.getCompany(), form.getPhone(), form.getEmail()), user);
        Flash.success(flash, "campaign.member.added");
        return "redirect:/campaigns/" + id + "#members";
    }

    /** The same response for the selected members (or one), on a date (today when empty). */
    @PostMapping("/responses")
    String respond(
            @PathVariable long id,
            @RequestParam(name = "memberIds", required = false) @Nullable List<Long> memberIds,
            @RequestParam CampaignMemberStatus response,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        if (memberIds == null || memberIds.isEmpty()) {
            Flash.error(flash, "campaign.member.noneSelected");
        } else {
            try {
                service.respond(id, memberIds, response, on, principal.currentUser());
                Flash.success(flash, "campaign.member.responded");
            } catch (CampaignRuleException e) {
                Flash.error(flash, e.reasonKey());
            }
        }
        return "redirect:/campaigns/" + id + "#members";
    }

    @PostMapping("/members/{memberId}/convert")
    String convert(
            @PathVariable long id,
            @PathVariable long memberId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        try {
            service.convertToLead(id, memberId, principal.currentUser());
            Flash.success(flash, "campaign.member.converted");
        } catch (CampaignRuleException e) {
            Flash.error(flash, e.reasonKey());
        }
        return "redirect:/campaigns/" + id + "#members";
    }

    @PostMapping("/members/{memberId}/delete")
    String remove(
            @PathVariable long id,
            @PathVariable long memberId,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        service.removeMember(id, memberId, principal.currentUser());
        Flash.success(flash, "campaign.member.removed");
        return "redirect:/campaigns/" + id + "#members";
    }

    @PostMapping("/responses/import")
    String importResponses(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash)
            throws IOException {
        CampaignImportResult result = responseImport.apply(id, file.getInputStream(), principal.currentUser());
        flash.addFlashAttribute("importResult", result);
        return "redirect:/campaigns/" + id + "#import";
    }

    /**
     * The target list, streamed row by row from the database inside the query's read-only transaction (CSV with a
     * BOM, or .xlsx); cells starting with =, +, - or @ are escaped by the writer.
     */
    @GetMapping("/members/export")
    ResponseEntity<Void> export(
            @PathVariable long id,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CrmUserDetails principal,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format).orElse(null);
        if (chosen == null) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
        }
        CurrentUser user = principal.currentUser();
        queries.requireReadable(id, user);
        Locale locale = LocaleContextHolder.getLocale();
        List<ExportColumn<CampaignMemberRow>> columns = List.of(
                ExportColumn.of("campaign.export.name", CampaignMemberRow::name),
                ExportColumn.of("campaign.export.company", CampaignMemberRow::company),
                ExportColumn.of("campaign.export.contactPerson", CampaignMemberRow::contactPerson),
                ExportColumn.of("campaign.export.phone", CampaignMemberRow::phone),
                ExportColumn.of("campaign.export.email", CampaignMemberRow::email),
                ExportColumn.of(
                        "campaign.export.region",
                        m -> m.region() == null
                                ? null
                                : messages.getMessage("Region." + m.region(), null, m.region(), locale)),
                ExportColumn.of(
                        "campaign.export.status",
                        m -> messages.getMessage("CampaignMemberStatus." + m.status(), null, locale)),
                ExportColumn.of("campaign.export.sentOn", CampaignMemberRow::sentOn),
                ExportColumn.of("campaign.export.respondedOn", CampaignMemberRow::respondedOn),
                ExportColumn.of("campaign.export.attendedOn", CampaignMemberRow::attendedOn),
                ExportColumn.of("campaign.export.convertedOn", CampaignMemberRow::convertedOn));
        // the same streaming export as every list: escaping, the .xlsx limit, the audit row with the rows written
        exports.write(
                response,
                chosen,
                new ListExports.Target("campaign-members", "campaign-" + id + "-members", "CAMPAIGN", id),
                columns,
                user.id(),
                user.username(),
                AuditLog.facts("campaignId", id),
                sink -> queries.streamMembers(id, user, m -> {
                    try {
                        sink.accept(m);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        return null;
    }
}

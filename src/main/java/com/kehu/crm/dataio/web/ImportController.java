package com.kehu.crm.dataio.web;

import com.kehu.crm.dataio.ImportDrafts;
import com.kehu.crm.dataio.ImportNotUndoableException;
import com.kehu.crm.dataio.ImportProgress;
import com.kehu.crm.dataio.ImportQueries;
import com.kehu.crm.dataio.ImportStatus;
import com.kehu.crm.dataio.ImportType;
import com.kehu.crm.dataio.ImportUndoBlockedException;
import com.kehu.crm.dataio.Imports;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.web.Flash;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The imports: the list (newest first; admins see everybody's), and one import's page with the progress bar polled
 * while it runs, then the report, the error file and undo. Drafts belong to {@link ImportWizardController}.
 */
@Controller
@RequestMapping("/data/imports")
class ImportController {

    private static final int PAGE_SIZE = 20;

    private final Imports imports;
    private final ImportDrafts drafts;
    private final ImportQueries queries;
    private final MessageSource messages;

    ImportController(Imports imports, ImportDrafts drafts, ImportQueries queries, MessageSource messages) {
        this.imports = imports;
        this.drafts = drafts;
        this.queries = queries;
        this.messages = messages;
    }

    /** A record that blocks an undo, with the reason in the user's language. */
    record BlockerView(String href, String code, String name, String reason) {}

    @GetMapping
    String list(
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        PageView<ImportQueries.ImportListRow> imports = queries.page(principal.currentUser(), page, PAGE_SIZE);
        model.addAttribute("imports", imports);
        model.addAttribute("pageLinks", Urls.pageLinks(imports));
        return "data/imports";
    }

    // --- the import: progress, report, error file, undo

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        CurrentUser user = principal.currentUser();
        if (drafts.isDraft(id, user)) {
            return "redirect:/data/imports/" + id + "/mapping";
        }
        status(id, user, model);
        return "data/import";
    }

    @GetMapping("/{id}/status")
    String statusFragment(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Model model) {
        status(id, principal.currentUser(), model);
        return "data/import :: status";
    }

    private void status(long id, CurrentUser user, Model model) {
        ImportProgress progress = imports.progress(id, user);
        model.addAttribute("p", progress);
        model.addAttribute("facts", queries.facts(id, user));
        model.addAttribute(
                "active", progress.status() == ImportStatus.QUEUED || progress.status() == ImportStatus.RUNNING);
    }

    @GetMapping("/{id}/errors")
    ResponseEntity<StreamingResponseBody> errors(
            @PathVariable long id, Locale locale, @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        imports.progress(id, user);
        StreamingResponseBody body = out -> imports.writeErrors(id, user, locale, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .body(body);
    }

    @PostMapping("/{id}/undo")
    String undo(
            @PathVariable long id,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        try {
            imports.undo(id, user);
        } catch (ImportUndoBlockedException e) {
            ImportType type = imports.progress(id, user).type();
            model.addAttribute(
                    "blockers",
                    e.blockers().stream()
                            .map(b -> new BlockerView(
                                    type.recordPath(b.id()), b.code(), b.name(), reason(b.reason(), locale)))
                            .toList());
            status(id, user, model);
            return "data/import";
        } catch (ImportNotUndoableException e) {
            Flash.error(flash, "import.undo.notPossible");
            return "redirect:/data/imports/" + id;
        }
        Flash.success(flash, "import.undo.done");
        return "redirect:/data/imports/" + id;
    }

    /** "changed", or the table whose rows now refer to the record (import.blocker.table.<table>, else generic). */
    private String reason(String reason, Locale locale) {
        if (reason.equals("changed")) {
            return messages.getMessage("import.blocker.changed", null, locale);
        }
        return messages.getMessage(
                "import.blocker.table." + reason,
                null,
                messages.getMessage("import.blocker.referenced", null, locale),
                locale);
    }
}

package com.kehu.crm.dataio.web;

import com.kehu.crm.dataio.ImportDrafts;
import com.kehu.crm.dataio.ImportPreview;
import com.kehu.crm.dataio.ImportTemplates;
import com.kehu.crm.dataio.ImportType;
import com.kehu.crm.dataio.Imports;
import com.kehu.crm.dataio.OnDuplicate;
import com.kehu.crm.dataio.UnreadableImportFileException;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.web.Flash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
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
 * The import wizard (issue 6): upload, map the columns (with saved templates), preview the first rows through the real
 * validation, run. Managers and admins (URL rule {@code /data/**}); {@link ImportDrafts} keeps every step to the
 * draft's uploader. {@link ImportController} shows the import once it runs.
 */
@Controller
@RequestMapping("/data/imports")
class ImportWizardController {

    private static final int SAMPLE_ROWS = 5;
    private static final int MAX_TEMPLATE_NAME = 100;

    private final Imports imports;
    private final ImportDrafts drafts;
    private final ImportPreview previews;
    private final ImportTemplates templates;
    private final MessageSource messages;
    private final DataSize maxFileSize;

    ImportWizardController(
            Imports imports,
            ImportDrafts drafts,
            ImportPreview previews,
            ImportTemplates templates,
            MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.imports = imports;
        this.drafts = drafts;
        this.previews = previews;
        this.templates = templates;
        this.messages = messages;
        this.maxFileSize = maxFileSize;
    }

    /** A field the mapping can choose, with its label. */
    record FieldOption(String name, String label, boolean required) {}

    /** One column of the file on the mapping screen: its header, sample values, chosen field and error key. */
    record MappingColumn(
            int index,
            String header,
            List<String> samples,
            String chosen,
            @Nullable String error) {}

    // --- step 1: upload

    @GetMapping("/new")
    String uploadForm(@RequestParam(required = false) @Nullable String tooLarge, Model model) {
        UploadForm form = new UploadForm();
        model.addAttribute("form", form);
        if (tooLarge != null) {
            // sent here by UploadTooLargeAdvice: the container refused the upload before this controller saw it
            BindingResult result = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            result.rejectValue("file", "import.upload.tooLarge", new Object[] {size(maxFileSize)}, null);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return upload(model);
    }

    @PostMapping("/new")
    String upload(
            @ModelAttribute("form") UploadForm form,
            BindingResult result,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        MultipartFile file = form.getFile();
        String name = file == null ? "" : fileName(file.getOriginalFilename());
        if (file == null || name.isBlank()) {
            result.rejectValue("file", "import.upload.required");
        } else if (!name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|txt|xlsx)$")) {
            result.rejectValue("file", "import.upload.format");
        } else if (file.isEmpty()) {
            result.rejectValue("file", "import.upload.empty");
        } else if (file.getSize() > maxFileSize.toBytes()) {
            result.rejectValue("file", "import.upload.tooLarge", new Object[] {size(maxFileSize)}, null);
        }
        if (!UploadForm.ENCODINGS.contains(form.getEncoding())) {
            result.rejectValue("encoding", "import.upload.encoding");
        }
        if (result.hasErrors() || file == null) {
            return upload(model);
        }
        Path stored = drafts.newUploadFile();
        long id;
        try {
            // Tomcat has the upload on disk already; this moves or copies it, never through memory
            file.transferTo(stored);
            id = drafts.create(
                    new ImportDrafts.NewDraft(
                            form.getType(),
                            name,
                            form.getEncoding(),
                            form.getOnDuplicate(),
                            form.isCreateMissingCustomers(),
                            form.isAllOrNothing()),
                    stored,
                    principal.currentUser());
        } catch (IOException e) {
            deleteQuietly(stored);
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
        return "redirect:/data/imports/" + id + "/mapping";
    }

    private String upload(Model model) {
        Map<ImportType, ImportDrafts.TypeInfo> types = new EnumMap<>(ImportType.class);
        for (ImportType type : ImportType.values()) {
            types.put(type, drafts.typeInfo(type));
        }
        model.addAttribute("types", types);
        model.addAttribute("encodings", UploadForm.ENCODINGS);
        model.addAttribute("onDuplicates", OnDuplicate.values());
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        model.addAttribute("maxSize", size(maxFileSize));
        return "data/import-upload";
    }

    // --- step 2: mapping

    @GetMapping("/{id}/mapping")
    String mapping(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long template,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model) {
        CurrentUser user = principal.currentUser();
        ImportDrafts.Draft draft = drafts.draft(id, user);
        ImportDrafts.Sample sample;
        try {
            sample = drafts.sample(draft, SAMPLE_ROWS);
        } catch (UnreadableImportFileException e) {
            return unreadable(draft, e, model);
        }
        List<String> headers = sample.headers();
        List<String> fields = drafts.typeInfo(draft.type()).fields();
        List<String> chosen = new ArrayList<>();
        List<@Nullable String> guesses = imports.guessMapping(draft.type(), headers);
        Map<String, String> saved = draft.mapping();
        if (template != null) {
            ImportTemplates.Template loaded = templates.get(template, draft.type(), user);
            saved = loaded.mapping();
            model.addAttribute("loadedTemplate", loaded.name());
        }
        for (int i = 0; i < headers.size(); i++) {
            String value = lookup(saved, headers.get(i));
            if (value == null) {
                value = guesses.get(i);
            }
            chosen.add(value != null && fields.contains(value) ? value : "");
        }
        return mappingPage(draft, sample, chosen, Map.of(), List.of(), locale, user, model);
    }

    @PostMapping("/{id}/mapping")
    String saveMapping(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            @RequestParam(defaultValue = "next") String action,
            @RequestParam(defaultValue = "") String templateName,
            @AuthenticationPrincipal CrmUserDetails principal,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        ImportDrafts.Draft draft = drafts.draft(id, user);
        ImportDrafts.Sample sample;
        try {
            sample = drafts.sample(draft, SAMPLE_ROWS);
        } catch (UnreadableImportFileException e) {
            return unreadable(draft, e, model);
        }
        ImportDrafts.TypeInfo info = drafts.typeInfo(draft.type());
        List<String> headers = sample.headers();
        List<String> chosen = new ArrayList<>();
        Map<String, List<Integer>> usedBy = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String value = params.getOrDefault("col_" + i, "").strip();
            chosen.add(info.fields().contains(value) ? value : "");
            if (!chosen.get(i).isEmpty()) {
                usedBy.computeIfAbsent(chosen.get(i), f -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, String> errors = new HashMap<>();
        usedBy.values().stream()
                .filter(columns -> columns.size() > 1)
                .flatMap(List::stream)
                .forEach(column -> errors.put(column, "import.mapping.twice"));
        List<String> missing = info.requiredFields().stream()
                .filter(field -> !usedBy.containsKey(field))
                .map(field -> imports.fieldLabel(draft.type(), field, locale))
                .toList();
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(
                    messages.getMessage("import.mapping.required", new Object[] {String.join(", ", missing)}, locale));
        }
        boolean savingTemplate = action.equals("saveTemplate");
        String name = templateName.strip();
        if (savingTemplate && name.isEmpty()) {
            model.addAttribute("templateError", "import.template.nameRequired");
        } else if (savingTemplate && name.length() > MAX_TEMPLATE_NAME) {
            model.addAttribute("templateError", "import.template.nameTooLong");
        }
        if (!errors.isEmpty() || !problems.isEmpty() || model.containsAttribute("templateError")) {
            model.addAttribute("templateName", name);
            return mappingPage(draft, sample, chosen, errors, problems, locale, user, model);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            mapping.put(headers.get(i), chosen.get(i));
        }
        if (savingTemplate) {
            try {
                templates.save(draft.type(), name, mapping, user);
            } catch (ImportTemplates.NameTakenException e) {
                model.addAttribute("templateError", "import.template.nameTaken");
                model.addAttribute("templateName", name);
                return mappingPage(draft, sample, chosen, errors, problems, locale, user, model);
            }
            drafts.saveMapping(id, mapping, user);
            Flash.success(flash, "import.template.saved");
            return "redirect:/data/imports/" + id + "/mapping";
        }
        drafts.saveMapping(id, mapping, user);
        return "redirect:/data/imports/" + id + "/preview";
    }

    @PostMapping("/templates/{templateId}/delete")
    String deleteTemplate(
            @PathVariable long templateId,
            @RequestParam long draft,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        templates.delete(templateId, principal.currentUser());
        Flash.success(flash, "import.template.deleted");
        return "redirect:/data/imports/" + draft + "/mapping";
    }

    private String mappingPage(
            ImportDrafts.Draft draft,
            ImportDrafts.Sample sample,
            List<String> chosen,
            Map<Integer, String> errors,
            List<String> problems,
            Locale locale,
            CurrentUser user,
            Model model) {
        ImportDrafts.TypeInfo info = drafts.typeInfo(draft.type());
        List<MappingColumn> columns = new ArrayList<>();
        for (int i = 0; i < sample.headers().size(); i++) {
            List<String> samples = new ArrayList<>();
            for (List<String> row : sample.rows()) {
                if (i < row.size() && !row.get(i).isBlank()) {
                    samples.add(row.get(i));
                }
            }
            columns.add(new MappingColumn(i, sample.headers().get(i), samples, chosen.get(i), errors.get(i)));
        }
        model.addAttribute("draft", draft);
        model.addAttribute("columns", columns);
        model.addAttribute(
                "fields",
                info.fields().stream()
                        .map(field -> new FieldOption(
                                field,
                                imports.fieldLabel(draft.type(), field, locale),
                                info.requiredFields().contains(field)))
                        .toList());
        model.addAttribute("problems", problems);
        model.addAttribute("templates", templates.list(draft.type(), user));
        if (!model.containsAttribute("templateName")) {
            model.addAttribute("templateName", "");
        }
        return "data/import-mapping";
    }

    private static @Nullable String lookup(Map<String, String> mapping, String header) {
        if (mapping.containsKey(header)) {
            return mapping.get(header);
        }
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            if (entry.getKey().strip().equalsIgnoreCase(header.strip())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private String unreadable(ImportDrafts.Draft draft, UnreadableImportFileException e, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("failure", e.messageKey());
        return "data/import-unreadable";
    }

    // --- step 3: preview, and run

    @GetMapping("/{id}/preview")
    String preview(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, Locale locale, Model model) {
        CurrentUser user = principal.currentUser();
        ImportDrafts.Draft draft = drafts.draft(id, user);
        if (!draft.mapped()) {
            return "redirect:/data/imports/" + id + "/mapping";
        }
        try {
            model.addAttribute("preview", previews.preview(id, user, locale));
        } catch (UnreadableImportFileException e) {
            return unreadable(draft, e, model);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("fileSize", size(DataSize.ofBytes(draft.fileBytes())));
        return "data/import-preview";
    }

    @PostMapping("/{id}/run")
    String run(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        CurrentUser user = principal.currentUser();
        if (drafts.isDraft(id, user) && !drafts.draft(id, user).mapped()) {
            return "redirect:/data/imports/" + id + "/mapping";
        }
        drafts.run(id, user);
        return "redirect:/data/imports/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        drafts.discard(id, principal.currentUser());
        Flash.success(flash, "import.discarded");
        return "redirect:/data/imports";
    }

    /** The name without any path a browser sent along (some send a whole Windows path), control characters dropped. */
    static String fileName(@Nullable String original) {
        if (original == null) {
            return "";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        return name.replaceAll("\\p{Cntrl}", "").strip();
    }

    private static String size(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        } else if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        } else if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / (double) (1L << 10));
        }
        return bytes + " B";
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the cleanup sweeps the upload directory
        }
    }
}

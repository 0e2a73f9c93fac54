package com.kehu.crm.dataio.api;

import com.kehu.crm.dataio.ImportNotUndoableException;
import com.kehu.crm.dataio.ImportProgress;
import com.kehu.crm.dataio.ImportRequest;
import com.kehu.crm.dataio.ImportType;
import com.kehu.crm.dataio.ImportUndoBlockedException;
import com.kehu.crm.dataio.Imports;
import com.kehu.crm.dataio.OnDuplicate;
import com.kehu.crm.identity.CrmUserDetails;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Imports from CSV files, for managers and admins (URL rule {@code /api/v1/imports/**}). */
@RestController
@RequestMapping("/api/v1/imports")
@RequiredArgsConstructor
class ImportApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Imports imports;

    record Started(long id, String status) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> start(
            @RequestParam MultipartFile file,
            @RequestParam ImportType type,
            @RequestParam(defaultValue = "auto") String encoding,
            @RequestParam(defaultValue = "SKIP") OnDuplicate onDuplicate,
            @RequestParam(required = false) @Nullable String mapping,
            @RequestParam(defaultValue = "false") boolean createMissingCustomers,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            @AuthenticationPrincipal CrmUserDetails principal)
            throws IOException {
        if (!encoding.equalsIgnoreCase("auto") && !Charset.isSupported(encoding)) {
            return badRequest("Unknown encoding: " + encoding);
        }
        Map<String, String> fields;
        try {
            fields = mapping == null || mapping.isBlank()
                    ? Map.of()
                    : JSON.readValue(mapping, new TypeReference<Map<String, String>>() {});
        } catch (JacksonException e) {
            return badRequest("mapping must be a JSON object of header to field");
        }
        // streamed to disk: the import reads it later on its own thread, never the whole file in memory
        Path stored = Files.createTempFile("kehu-import-", ".csv");
        file.transferTo(stored);
        String name = file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename();
        long id = imports.start(
                new ImportRequest(
                        type, stored, name, encoding, onDuplicate, fields, createMissingCustomers, allOrNothing),
                principal.currentUser());
        return ResponseEntity.accepted().body(new Started(id, "QUEUED"));
    }

    @GetMapping("/{id}")
    ImportProgress progress(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        return imports.progress(id, principal.currentUser());
    }

    @GetMapping("/{id}/errors")
    ResponseEntity<StreamingResponseBody> errors(
            @PathVariable long id, Locale locale, @AuthenticationPrincipal CrmUserDetails principal) {
        imports.progress(id, principal.currentUser());
        StreamingResponseBody body = out -> imports.writeErrors(id, principal.currentUser(), locale, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .body(body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> undo(@PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal) {
        imports.undo(id, principal.currentUser());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ImportUndoBlockedException.class)
    ProblemDetail blocked(ImportUndoBlockedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Some records changed or got related records since the import, so it cannot be undone.");
        problem.setProperty("blocking", e.blockers());
        return problem;
    }

    @ExceptionHandler(ImportNotUndoableException.class)
    ProblemDetail notUndoable(ImportNotUndoableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<?> badRequest(String detail) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }
}

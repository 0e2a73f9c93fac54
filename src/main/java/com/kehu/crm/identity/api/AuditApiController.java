package com.kehu.crm.identity.api;

import com.kehu.crm.shared.audit.AuditEventFilter;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditEventRow;
import com.kehu.crm.shared.audit.AuditQueries;
import com.kehu.crm.shared.web.PageJson;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the admin audit log, newest first (ADMIN only, by the API's URL rules). */
@RestController
@RequiredArgsConstructor
class AuditApiController {

    private final AuditQueries audit;

    @GetMapping("/api/v1/audit")
    PageJson<AuditEventRow> log(
            @RequestParam(required = false) @Nullable AuditEventKind kind,
            @RequestParam(required = false) @Nullable Long actorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable Long entityId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        AuditEventFilter filter = new AuditEventFilter(kind, actorId, from, to, entityType, entityId);
        return PageJson.of(audit.events(filter, Math.max(page, 0), Math.max(1, Math.min(size, 200))));
    }
}

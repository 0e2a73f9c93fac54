package com.kehu.crm.identity.web;

import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.audit.AuditEventFilter;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditEventRow;
import com.kehu.crm.shared.audit.AuditQueries;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin audit log (审计日志): sign-ins, role and user changes, exports, imports, merges and deletions. */
@Controller
@RequestMapping("/admin/audit")
@RequiredArgsConstructor
class AuditLogController {

    static final int PAGE_SIZE = 50;

    /** Record types the log can filter by: the audited records and users. */
    static final List<String> ENTITY_TYPES = entityTypes();

    private final AuditQueries audit;
    private final UserQueries users;

    /** A log row ready for the template: a link to the record when it still exists. */
    record RowView(AuditEventRow row, @Nullable String link) {}

    @GetMapping
    String log(
            @RequestParam(required = false) @Nullable AuditEventKind kind,
            @RequestParam(required = false) @Nullable Long actorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable Long entityId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String type = entityType != null && ENTITY_TYPES.contains(entityType) ? entityType : null;
        AuditEventFilter filter = new AuditEventFilter(kind, actorId, from, to, type, entityId);
        PageView<AuditEventRow> events = audit.events(filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("events", events.map(r -> new RowView(r, link(r))));
        model.addAttribute("pageLinks", Urls.pageLinks(events));
        model.addAttribute("kinds", AuditEventKind.values());
        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("actors", users.search("", 0, 500).content());
        return "admin/audit";
    }

    static @Nullable String link(AuditEventRow row) {
        if (row.entityId() == null || row.entityType() == null || row.kind() == AuditEventKind.DELETE) {
            return null;
        }
        return switch (row.entityType()) {
            case "CUSTOMER" -> "/customers/" + row.entityId();
            case "CONTACT" -> "/contacts/" + row.entityId();
            case "OPPORTUNITY" -> "/opportunities/" + row.entityId();
            case "ORDER" -> "/orders/" + row.entityId();
            case "TICKET" -> "/tickets/" + row.entityId();
            case "USER" -> "/admin/users/" + row.entityId();
            default -> null;
        };
    }

    private static List<String> entityTypes() {
        List<String> types = new ArrayList<>();
        for (AuditedType t : AuditedType.values()) {
            types.add(t.name());
        }
        types.add("USER");
        return List.copyOf(types);
    }
}

package ru.profkom.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@RestController
@Tag(name = "Журнал аудита", description = "Входы, роли и изменения организаций поддерева; только для администраторов")
class AuditApi {

    private final AuditLog auditLog;

    AuditApi(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/v1/organizations/{id}/audit")
    @Operation(summary = "Журнал аудита поддерева организации, новые записи первыми")
    Page<AuditEntry> audit(
            @PathVariable long id,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String login,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            PageRequest page) {
        return auditLog.forSubtree(id, new AuditFilter(action, login, from, to), page);
    }
}

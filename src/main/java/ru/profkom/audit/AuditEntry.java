package ru.profkom.audit;

import java.time.Instant;

public record AuditEntry(
        long id,
        Instant occurredAt,
        Long actorId,
        String actorLogin,
        String remoteAddress,
        String action,
        Long organizationId,
        String targetType,
        Long targetId,
        String details) {

    public String actionKey() {
        return "audit.action." + action;
    }
}

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
        String organizationName,
        String targetType,
        Long targetId,
        String details) {

    AuditEntry withOrganizationName(String name) {
        return new AuditEntry(
                id,
                occurredAt,
                actorId,
                actorLogin,
                remoteAddress,
                action,
                organizationId,
                name,
                targetType,
                targetId,
                details);
    }

    public String actionKey() {
        return "audit.action." + action;
    }
}

package ru.profkom.members;

import java.time.Instant;

/** A member's request to correct their data, as the staff of their organization see it. */
public record CorrectionRequest(
        long id,
        long personId,
        String personName,
        long organizationId,
        String text,
        Instant createdAt,
        Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }
}

package ru.profkom.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Whom a {@link TaskSource} lists tasks for: the organizations where the current actor holds a staff role
 * (each meaning its subtree), the moment of the request and at most how many items per organization.
 */
public record TaskScope(List<Long> organizationIds, Instant now, LocalDate today, int limit) {

    public TaskScope {
        organizationIds = List.copyOf(organizationIds);
        limit = Math.max(1, Math.min(limit, PageRequest.MAX_SIZE));
    }

    public PageRequest firstPage() {
        return new PageRequest(0, limit);
    }
}

package ru.profkom.accounts;

import java.time.Instant;
import ru.profkom.shared.Role;

/** A role an account holds (or held) in an organization. */
public record RoleGrantView(
        long id,
        long accountId,
        String login,
        String fullName,
        long organizationId,
        String organizationName,
        Role role,
        Instant grantedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

package ru.profkom.accounts;

import ru.profkom.shared.Actor;
import ru.profkom.shared.Role;

/** What happened to accounts and roles; consumed by the audit log. */
public final class AccountEvents {

    private AccountEvents() {}

    /** {@code organizationId} is where the account holds its first role, to file the sign-in under. */
    public record SignedIn(long accountId, String login, Long organizationId, String remoteAddress) {}

    public record SignInFailed(
            String login, Long accountId, Long organizationId, String remoteAddress, boolean locked) {}

    public record AccountLocked(long accountId, String login, Long organizationId, String remoteAddress) {}

    public record AccountCreated(long accountId, String login, long organizationId, Actor actor) {}

    public record RoleGranted(
            long grantId, long accountId, String login, long organizationId, Role role, Actor actor) {}

    public record RoleRevoked(
            long grantId, long accountId, String login, long organizationId, Role role, Actor actor) {}

    public record PasswordResetRequested(long accountId, String login, Long organizationId, String remoteAddress) {}

    public record PasswordChanged(long accountId, String login, Long organizationId, String remoteAddress) {}
}

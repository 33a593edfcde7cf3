package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.accounts.AccountEvents;

/** The audit log's entries for accounts: one entry per event, written by {@link AuditWriter}. */
@Component
class AccountAudit {

    private final AuditWriter writer;

    AccountAudit(AuditWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(AccountEvents.SignedIn event) {
        ofAccount(
                event.accountId(), event.login(), event.remoteAddress(), AuditAction.SIGNED_IN, event.organizationId());
    }

    @ApplicationModuleListener
    void on(AccountEvents.SignInFailed event) {
        ofAccount(
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                event.locked() ? AuditAction.SIGN_IN_WHILE_LOCKED : AuditAction.SIGN_IN_FAILED,
                event.organizationId());
    }

    @ApplicationModuleListener
    void on(AccountEvents.AccountLocked event) {
        ofAccount(
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                AuditAction.ACCOUNT_LOCKED,
                event.organizationId());
    }

    @ApplicationModuleListener
    void on(AccountEvents.AccountCreated event) {
        writer.recordAbout(
                event.actor(),
                AuditAction.ACCOUNT_CREATED,
                event.organizationId(),
                "ACCOUNT",
                event.accountId(),
                event.login());
    }

    @ApplicationModuleListener
    void on(AccountEvents.RoleGranted event) {
        writer.recordAbout(
                event.actor(),
                AuditAction.ROLE_GRANTED,
                event.organizationId(),
                "ROLE_GRANT",
                event.grantId(),
                event.login() + ": " + writer.russian(event.role().messageKey()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.RoleRevoked event) {
        writer.recordAbout(
                event.actor(),
                AuditAction.ROLE_REVOKED,
                event.organizationId(),
                "ROLE_GRANT",
                event.grantId(),
                event.login() + ": " + writer.russian(event.role().messageKey()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.PasswordResetRequested event) {
        ofAccount(
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                AuditAction.PASSWORD_RESET_REQUESTED,
                event.organizationId());
    }

    @ApplicationModuleListener
    void on(AccountEvents.PasswordChanged event) {
        ofAccount(
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                AuditAction.PASSWORD_CHANGED,
                event.organizationId());
    }

    /** An entry about the account itself, by the person signing in (no actor yet), filed under its organization. */
    private void ofAccount(
            Long accountId, String login, String remoteAddress, AuditAction action, Long organizationId) {
        writer.insert(
                accountId,
                login,
                remoteAddress,
                action,
                organizationId,
                writer.pathOf(organizationId),
                "ACCOUNT",
                accountId,
                null);
    }
}

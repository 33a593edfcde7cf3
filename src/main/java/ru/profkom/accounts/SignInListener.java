package ru.profkom.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.AccountRecord;
import ru.profkom.accounts.AccountEvents.AccountLocked;
import ru.profkom.accounts.AccountEvents.SignInFailed;
import ru.profkom.accounts.AccountEvents.SignedIn;
import ru.profkom.shared.Grant;
import ru.profkom.shared.ProfkomSettings;

/** Counts failed sign-ins to lock an account for a while, and reports sign-ins to the audit log. */
@Component
class SignInListener {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lockDuration;

    SignInListener(
            AccountRepository accounts, ApplicationEventPublisher events, Clock clock, ProfkomSettings settings) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.maxAttempts = settings.signIn().maxFailedAttempts();
        this.lockDuration = settings.signIn().lockDuration();
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String login = String.valueOf(event.getAuthentication().getPrincipal());
        AccountRecord account = accounts.findByLogin(login).orElse(null);
        String address = remoteAddress(event);
        if (account == null) {
            events.publishEvent(new SignInFailed(abbreviate(login), null, null, address, false));
            return;
        }
        accounts.recordFailure(account.getId(), maxAttempts, clock.instant().plus(lockDuration));
        Long organizationId = firstOrganization(account.getId());
        events.publishEvent(new SignInFailed(account.getLogin(), account.getId(), organizationId, address, false));
        AccountRecord after = accounts.find(account.getId()).orElseThrow();
        boolean lockedJustNow = after.getLockedUntil() != null
                && after.getLockedUntil().isAfter(clock.instant())
                && !after.getLockedUntil().equals(account.getLockedUntil());
        if (lockedJustNow) {
            events.publishEvent(new AccountLocked(account.getId(), account.getLogin(), organizationId, address));
        }
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        String login = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.findByLogin(login)
                .ifPresent(account -> events.publishEvent(new SignInFailed(
                        account.getLogin(),
                        account.getId(),
                        firstOrganization(account.getId()),
                        remoteAddress(event),
                        true)));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.recordSuccess(principal.accountId(), clock.instant());
        }
    }

    /** Only sign-ins through the form are audited; API calls authenticate on every request. */
    @EventListener
    @Transactional
    public void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : null;
            events.publishEvent(new SignedIn(
                    principal.accountId(), principal.getUsername(), firstOrganization(principal.accountId()), address));
        }
    }

    private Long firstOrganization(long accountId) {
        List<Grant> grants = accounts.activeGrants(accountId);
        return grants.isEmpty() ? null : grants.getFirst().organizationId();
    }

    private static String remoteAddress(AbstractAuthenticationFailureEvent event) {
        return event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : SecurityActor.remoteAddress();
    }

    private static String abbreviate(String login) {
        return login.length() > 64 ? login.substring(0, 64) : login;
    }
}

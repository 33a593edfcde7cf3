package ru.profkom.accounts;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
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

/** Counts failed sign-ins for the back-off ({@link SignInThrottle}), and reports sign-ins to the audit log. */
@Component
class SignInListener {

    private final AccountRepository accounts;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInListener(AccountRepository accounts, SignInThrottle throttle, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String login = String.valueOf(event.getAuthentication().getPrincipal());
        String address = remoteAddress(event);
        boolean throttledJustNow = throttle.failed(login, address);
        AccountRecord account = accounts.findByLogin(login.strip()).orElse(null);
        if (account == null) {
            events.publishEvent(new SignInFailed(abbreviate(login), null, null, address, false));
            return;
        }
        Long organizationId = firstOrganization(account.getId());
        events.publishEvent(new SignInFailed(account.getLogin(), account.getId(), organizationId, address, false));
        if (throttledJustNow) {
            events.publishEvent(new AccountLocked(account.getId(), account.getLogin(), organizationId, address));
        }
    }

    /**
     * Any right password, the API's included, clears the login's failures; an API request writes nothing else,
     * since it authenticates on every call.
     */
    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            throttle.succeeded(principal.getUsername());
        }
    }

    /** Only sign-ins through the form are audited and kept as the last sign-in. */
    @EventListener
    @Transactional
    public void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.recordSuccess(principal.accountId(), clock.instant());
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

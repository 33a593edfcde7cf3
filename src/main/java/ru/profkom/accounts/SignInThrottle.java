package ru.profkom.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.shared.ProfkomSettings;

/**
 * Slows down guessing of passwords, per source address first and per login second, with a back-off that
 * doubles with each further failure ({@link AccessThrottles.Policy}), in the database so that it holds across
 * nodes. Nobody is locked out for good: a login being guessed from elsewhere still lets in an attempt from an
 * address that has not failed lately, so that a flood from strangers alone never keeps its owner out. A login
 * is counted by its name whether an account has it or not: the answers do not tell which logins exist.
 */
@Component
class SignInThrottle {

    static final String SOURCE = "sign-in-source:";
    static final String LOGIN = "sign-in-login:";

    private final AccessThrottles throttles;
    private final Clock clock;
    private final AccessThrottles.Policy sourcePolicy;
    private final AccessThrottles.Policy loginPolicy;

    SignInThrottle(AccessThrottles throttles, Clock clock, ProfkomSettings settings) {
        ProfkomSettings.SignIn signIn = settings.signIn();
        this.throttles = throttles;
        this.clock = clock;
        this.sourcePolicy = new AccessThrottles.Policy(
                signIn.sourceFreeAttempts(), signIn.backOffBase(), signIn.backOffMax(), signIn.failureMemory());
        this.loginPolicy = new AccessThrottles.Policy(
                signIn.loginFreeAttempts(), signIn.backOffBase(), signIn.backOffMax(), signIn.failureMemory());
    }

    /** How long this attempt must wait before its password is even checked; empty when it may go on. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<Duration> waitBefore(String login, String source) {
        Instant now = clock.instant();
        Optional<Instant> sourceBlocked =
                source == null ? Optional.empty() : throttles.blockedUntil(SOURCE + source, now);
        if (sourceBlocked.isPresent()) {
            return sourceBlocked.map(until -> Duration.between(now, until));
        }
        Optional<Instant> loginBlocked = throttles.blockedUntil(LOGIN + normalized(login), now);
        if (loginBlocked.isEmpty() || (source != null && cleanSource(source, now))) {
            return Optional.empty();
        }
        return loginBlocked.map(until -> Duration.between(now, until));
    }

    /**
     * Counts a wrong password (or an unknown login) against its source and its login; true when this failure
     * started the login's back-off.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failed(String login, String source) {
        Instant now = clock.instant();
        if (source != null) {
            throttles.count(SOURCE + source, sourcePolicy, now);
        }
        return throttles.count(LOGIN + normalized(login), loginPolicy, now) == loginPolicy.freeAttempts();
    }

    /**
     * The login's failures are forgotten once its password was given (or reset); the source's are not, so that a
     * guesser holding one account of their own cannot clear their address by signing in with it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(String login) {
        String key = LOGIN + normalized(login);
        // Looked up first: an API call authenticates on every request and should not write each time.
        if (throttles.exists(key)) {
            throttles.forget(key);
        }
    }

    private boolean cleanSource(String source, Instant now) {
        return throttles.attempts(SOURCE + source, sourcePolicy, now) == 0;
    }

    static String normalized(String login) {
        String stripped = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return stripped.length() > 254 ? stripped.substring(0, 254) : stripped;
    }
}

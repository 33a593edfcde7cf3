package ru.profkom.accounts;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a login and password (form and API alike) only when {@link SignInThrottle} lets the attempt through;
 * a refused attempt is not counted, so that waiting is the only way on. Unknown logins go the same way as
 * known ones: the password encoder runs for them too, and the refusal says nothing about the login.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(
            UserDetailsService users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        // A disabled account is named only to whoever gave its password: checked before it, the refusal would
        // tell strangers that the login exists.
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = String.valueOf(authentication.getPrincipal());
        Duration wait = throttle.waitBefore(login, sourceOf(authentication)).orElse(null);
        if (wait != null) {
            throw new SignInThrottledException(wait);
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String sourceOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : SecurityActor.remoteAddress();
    }

    /** Too many failed sign-ins lately from this address or for this login: try again after {@link #retryAfter}. */
    static final class SignInThrottledException extends AuthenticationException {

        private final Duration retryAfter;

        SignInThrottledException(Duration retryAfter) {
            super("Too many failed sign-ins; retry after " + retryAfter);
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}

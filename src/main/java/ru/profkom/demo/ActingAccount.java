package ru.profkom.demo;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs work as a signed-in account without a browser: the same security context a sign-in leaves
 * and a request scope of its own, so that the service layer resolves the actor and its grants
 * exactly as it does for a web request (once per request).
 */
@Component
class ActingAccount {

    private final UserDetailsService users;

    ActingAccount(UserDetailsService users) {
        this.users = users;
    }

    boolean exists(String login) {
        try {
            users.loadUserByUsername(login);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** The principal to act as; look it up once and reuse it across many requests. */
    UserDetails principal(String login) {
        return users.loadUserByUsername(login);
    }

    /** Runs one "request" as the account. */
    <T> T asRequest(UserDetails principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        RequestAttributes previousRequest = RequestContextHolder.getRequestAttributes();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        RequestContextHolder.setRequestAttributes(new RequestScope());
        try {
            return work.get();
        } finally {
            RequestContextHolder.setRequestAttributes(previousRequest);
            SecurityContextHolder.setContext(previous);
        }
    }
}

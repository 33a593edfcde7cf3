package ru.profkom.support;

import java.util.function.Supplier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.profkom.shared.CurrentActor;

/**
 * Runs service calls as a signed-in account, the way a request would: the account's principal in
 * the security context, and a request of its own: the application caches the actor per request,
 * so each call here is one request and reads the account's grants afresh.
 */
public class Actors {

    private final UserDetailsService users;

    Actors(UserDetailsService users) {
        this.users = users;
    }

    public <T> T as(String login, Supplier<T> work) {
        UserDetails principal = users.loadUserByUsername(login);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        RequestAttributes previousRequest = RequestContextHolder.getRequestAttributes();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return work.get();
        } finally {
            RequestContextHolder.setRequestAttributes(previousRequest);
            SecurityContextHolder.setContext(previous);
        }
    }

    public void run(String login, Runnable work) {
        as(login, () -> {
            work.run();
            return null;
        });
    }

    /** Signs a MockMvc request in as the account, as the sign-in form would, with a CSRF token. */
    public RequestPostProcessor signedIn(String login) {
        UserDetails principal = users.loadUserByUsername(login);
        return request -> SecurityMockMvcRequestPostProcessors.csrf()
                .postProcessRequest(
                        SecurityMockMvcRequestPostProcessors.user(principal).postProcessRequest(request));
    }

    public <T> T asSystem(Supplier<T> work) {
        return CurrentActor.asSystem(work);
    }
}

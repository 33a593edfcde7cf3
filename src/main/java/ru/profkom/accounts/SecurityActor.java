package ru.profkom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;

/**
 * The acting user, with grants read from the database once per request, so that a revoked role
 * stops working at the next request and not at the next sign-in.
 */
@Component
class SecurityActor implements CurrentActor {

    private static final String REQUEST_CACHE = SecurityActor.class.getName();

    private final AccountRepository accounts;

    SecurityActor(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Actor get() {
        java.util.Optional<Actor> scoped = CurrentActor.scoped();
        if (scoped.isPresent()) {
            return scoped.get();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Actor.ANONYMOUS;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Actor cached) {
            return cached;
        }
        List<Grant> grants = accounts.activeGrants(principal.accountId());
        Actor actor = new Actor(principal.accountId(), principal.getUsername(), remoteAddress(), grants, false);
        if (request != null) {
            request.setAttribute(REQUEST_CACHE, actor, RequestAttributes.SCOPE_REQUEST);
        }
        return actor;
    }

    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

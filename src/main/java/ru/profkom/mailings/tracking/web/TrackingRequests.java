package ru.profkom.mailings.tracking.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import ru.profkom.shared.web.PublicRequests;

/**
 * Opens {@code /m/**} to anyone: an e-mail's recipient is not signed in, and the signed token is what proves the
 * link is real. The unsubscribe POST carries no CSRF token (a mail client's one-click POST cannot, RFC 8058); it
 * only ever withdraws a consent of the person the token names.
 */
@Component
class TrackingRequests implements PublicRequests {

    @Override
    public boolean isPublic(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/m/c/") || path.startsWith("/m/o/") || path.startsWith("/m/u/");
    }

    @Override
    public boolean isAnonymousForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && path(request).startsWith("/m/u/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}

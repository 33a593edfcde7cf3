package ru.profkom.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Pages a module opens to visitors who are not signed in, decided per request (for example the
 * portal's pages at addresses its organizations chose). The security configuration permits a request
 * any of these beans accepts; the services still check everything they read.
 */
public interface PublicRequests {

    boolean isPublic(HttpServletRequest request);

    /**
     * Whether the request sends a form anyone may fill in without signing in (a public page's join or
     * feedback form). Such a form carries no session-bound CSRF token: rendering one would open a session,
     * stored in the database, for every visitor who only looks at the form. The module protects the form in
     * its own way, and the session cookie ({@code SameSite=Lax}) is not sent with a cross-site POST anyway.
     */
    default boolean isAnonymousForm(HttpServletRequest request) {
        return false;
    }
}

package ru.profkom.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Pages a module opens to visitors who are not signed in, decided per request (for example the
 * portal's pages at addresses its organizations chose). The security configuration permits a request
 * any of these beans accepts; the services still check everything they read.
 */
public interface PublicRequests {

    boolean isPublic(HttpServletRequest request);
}

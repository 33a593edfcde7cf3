package ru.profkom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What a visitor who is not signed in meets outside the public pages: the application's address leads to the
 * public start page of the union's organizations, an address that names no page answers the Russian «not
 * found», and only the staff's own pages ask to sign in.
 */
class VisitorEntryPoint implements AuthenticationEntryPoint {

    /** The portal's start page ({@code portal.web.PortalStartPage}). */
    static final String PUBLIC_START = "/portal";

    private final LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
    private final ObjectProvider<HandlerMapping> pages;

    /** @param pages the controllers' mapping ({@code requestMappingHandlerMapping}), looked up at the first use */
    VisitorEntryPoint(ObjectProvider<HandlerMapping> pages) {
        this.pages = pages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException, jakarta.servlet.ServletException {
        if (isTheStartAddress(request)) {
            response.sendRedirect(request.getContextPath() + PUBLIC_START);
            return;
        }
        if (!mapsToAPage(request)) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        signIn.commence(request, response, refusal);
    }

    /** Whether a visitor's request leads to the sign-in form, the only case worth remembering for after it. */
    boolean asksToSignIn(HttpServletRequest request) {
        return !isTheStartAddress(request) && mapsToAPage(request);
    }

    private static boolean isTheStartAddress(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .equals("/");
    }

    private boolean mapsToAPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs")) {
            // The API's documentation is the staff's, served from files rather than controllers.
            return true;
        }
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        try {
            if (parsedHere) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            return pages.getObject().getHandler(request) != null;
        } catch (Exception e) {
            // A route matched the address but not the method or the media type: it exists.
            return true;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}

package ru.profkom.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import ru.profkom.portal.Slugs;
import ru.profkom.shared.web.PublicRequests;

/**
 * Opens to visitors the sitemap, the public start page and every address an organization may choose. An
 * address never starts with a segment of the application's own routes ({@code Slugs.RESERVED}, which
 * {@code PortalRoutesTests} keeps complete), so no other route becomes public by accident; an address no
 * organization took answers «not found», not the staff's sign-in.
 */
@Component
class PortalRequests implements PublicRequests {

    @Override
    public boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/sitemap.xml") || path.equals(PortalStartPage.PATH)) {
            return true;
        }
        if (path.length() < 2 || path.charAt(0) != '/') {
            return false;
        }
        int end = path.indexOf('/', 1);
        String slug = end < 0 ? path.substring(1) : path.substring(1, end);
        return Slugs.isValid(slug) && !Slugs.isReserved(slug);
    }
}

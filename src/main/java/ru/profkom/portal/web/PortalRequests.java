package ru.profkom.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.profkom.portal.PortalEvents.SiteUpdated;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.Slugs;
import ru.profkom.shared.web.PublicRequests;

/**
 * Opens to visitors the sitemap and the pages under an address an organization chose — only
 * addresses that exist, so that no other route of the application becomes public by accident.
 * Answers are remembered for a minute, which is also how long a new or changed address may take to
 * open on another node.
 */
@Component
class PortalRequests implements PublicRequests {

    private static final long TTL_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_ENTRIES = 50_000;
    private static final Pattern PUBLIC_FORM =
            Pattern.compile("/[a-z0-9][a-z0-9-]{1,58}[a-z0-9]/(" + PublicPages.JOIN + "|" + PublicPages.FEEDBACK + ")");

    private final PortalSites sites;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    PortalRequests(PortalSites sites) {
        this.sites = sites;
    }

    @Override
    public boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/sitemap.xml")) {
            return true;
        }
        if (path.length() < 2 || path.charAt(0) != '/') {
            return false;
        }
        int end = path.indexOf('/', 1);
        String slug = end < 0 ? path.substring(1) : path.substring(1, end);
        return Slugs.isValid(slug) && !Slugs.isReserved(slug) && exists(slug);
    }

    /** The join and feedback forms of an existing page: protected by {@link SpamGuard}, not by a session. */
    @Override
    public boolean isAnonymousForm(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PUBLIC_FORM.matcher(path).matches() && isPublic(request);
    }

    /** Forgets what is remembered of the addresses a page changed from and to on this node. */
    @EventListener
    void on(SiteUpdated event) {
        known.remove(event.slug());
        if (event.previousSlug() != null) {
            known.remove(event.previousSlug());
        }
    }

    private boolean exists(String slug) {
        long now = System.nanoTime();
        Known entry = known.get(slug);
        if (entry != null && now - entry.checkedAt() < TTL_NANOS) {
            return entry.exists();
        }
        if (known.size() > MAX_ENTRIES) {
            known.clear();
        }
        boolean exists = sites.exists(slug);
        known.put(slug, new Known(exists, now));
        return exists;
    }

    private record Known(boolean exists, long checkedAt) {}
}

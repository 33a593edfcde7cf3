package ru.profkom.portal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.portal.PortalEvents.SiteUpdated;

/**
 * Public pages by address, kept in memory so that a visitor's request reads no table: a change on
 * this node drops the entry after its commit, a change on another node shows within {@link #TTL}.
 */
@Component
class PublicSiteCache {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Cached> sites = new ConcurrentHashMap<>();

    Optional<PublicSite> get(String slug, Supplier<Optional<PublicSite>> loader) {
        long now = System.nanoTime();
        Cached cached = sites.get(slug);
        if (cached != null && now - cached.loadedAt() < TTL.toNanos()) {
            return cached.site();
        }
        Optional<PublicSite> loaded = loader.get();
        if (sites.size() >= MAX_ENTRIES) {
            sites.clear();
        }
        sites.put(slug, new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteUpdated event) {
        sites.remove(event.slug());
        if (event.previousSlug() != null) {
            sites.remove(event.previousSlug());
        }
    }

    private record Cached(Optional<PublicSite> site, long loadedAt) {}
}

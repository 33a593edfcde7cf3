package ru.profkom.portal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.portal.PortalEvents.SiteUpdated;
import ru.profkom.shared.StaleWhileReloadCache;

/**
 * Public pages by address, kept in memory so that a visitor's request reads no table: a change on
 * this node drops the entry after its commit, a change on another node shows within {@link #TTL}.
 */
@Component
class PublicSiteCache {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private final StaleWhileReloadCache<String, Optional<PublicSite>> sites =
            new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);

    Optional<PublicSite> get(String slug, Supplier<Optional<PublicSite>> loader) {
        return sites.get(slug, loader);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteUpdated event) {
        sites.remove(event.slug());
        if (event.previousSlug() != null) {
            sites.remove(event.previousSlug());
        }
    }
}

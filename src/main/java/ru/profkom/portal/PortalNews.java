package ru.profkom.portal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.publications.PublicationEvents.PublicationSaved;
import ru.profkom.publications.PublicationEvents.PublicationUnpublished;
import ru.profkom.publications.Publications;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/**
 * An organization's published news for its public page, newest first, read from the publications
 * module. Pages of the feed are kept in memory: a publication event of the organization drops them on
 * this node at once, and on other nodes they live at most {@link #TTL}.
 */
@Component
class PortalNews {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 20_000;

    private final Publications publications;
    private final Map<FeedKey, Cached> feeds = new ConcurrentHashMap<>();

    PortalNews(Publications publications) {
        this.publications = publications;
    }

    Page<NewsItem> news(long organizationId, PageRequest page) {
        FeedKey key = new FeedKey(organizationId, page.page(), page.size());
        Cached cached = feeds.get(key);
        if (cached != null) {
            // Stale pages keep being served while one request reloads: a slow count over a big feed
            // never stalls every visitor at once.
            if (System.nanoTime() - cached.loadedAt() < TTL.toNanos()
                    || !cached.refreshing().compareAndSet(false, true)) {
                return cached.page();
            }
        }
        Page<NewsItem> loaded = publications
                .publicFeed(organizationId, page)
                .map(p -> new NewsItem(p.id(), p.title(), p.summary(), p.thumbnailUrl(), p.publishedAt()));
        if (feeds.size() >= MAX_ENTRIES) {
            feeds.clear();
        }
        feeds.put(key, new Cached(loaded, System.nanoTime(), new AtomicBoolean()));
        return loaded;
    }

    /** A published publication of this organization only: another's is not found at this address. */
    Optional<NewsArticle> article(long organizationId, long publicationId) {
        return publications
                .published(publicationId)
                .filter(p -> p.organizationId() == organizationId)
                .map(p -> new NewsArticle(
                        new NewsItem(
                                p.id(),
                                p.title(),
                                p.summary(),
                                p.images().isEmpty()
                                        ? null
                                        : p.images().getFirst().thumbnailUrl(),
                                p.publishedAt()),
                        p.bodyHtml(),
                        p.sourceOrganizationName(),
                        p.images().stream().map(image -> image.url()).toList()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationPublished event) {
        forget(event.organizationId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationUnpublished event) {
        forget(event.organizationId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationSaved event) {
        forget(event.organizationId());
    }

    private void forget(long organizationId) {
        feeds.keySet().removeIf(key -> key.organizationId() == organizationId);
    }

    private record FeedKey(long organizationId, int page, int size) {}

    private record Cached(Page<NewsItem> page, long loadedAt, AtomicBoolean refreshing) {}
}

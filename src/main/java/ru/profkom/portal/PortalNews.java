package ru.profkom.portal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.publications.PublicationEvents.PublicationSaved;
import ru.profkom.publications.PublicationEvents.PublicationUnpublished;
import ru.profkom.publications.Publications;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.StaleWhileReloadCache;

/**
 * An organization's published news for its public page, newest first, read from the publications
 * module. Pages of the feed and the articles are kept in memory: a publication event of the organization drops them on
 * this node at once, and on other nodes they live at most {@link #TTL}.
 */
@Component
class PortalNews {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 20_000;

    private final Publications publications;
    private final StaleWhileReloadCache<FeedKey, Page<NewsItem>> feeds = new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);
    private final StaleWhileReloadCache<ArticleKey, Optional<NewsArticle>> articles =
            new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);

    PortalNews(Publications publications) {
        this.publications = publications;
    }

    Page<NewsItem> news(long organizationId, PageRequest page) {
        return feeds.get(
                new FeedKey(organizationId, page.page(), page.size()),
                () -> publications
                        .publicFeed(organizationId, page)
                        .map(p -> new NewsItem(p.id(), p.title(), p.summary(), p.thumbnailUrl(), p.publishedAt())));
    }

    /** A published publication of this organization only: another's is not found at this address. */
    Optional<NewsArticle> article(long organizationId, long publicationId) {
        return articles.get(
                new ArticleKey(organizationId, publicationId), () -> loadArticle(organizationId, publicationId));
    }

    private Optional<NewsArticle> loadArticle(long organizationId, long publicationId) {
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
        feeds.removeIf(key -> key.organizationId() == organizationId);
        articles.removeIf(key -> key.organizationId() == organizationId);
    }

    private record FeedKey(long organizationId, int page, int size) {}

    private record ArticleKey(long organizationId, long publicationId) {}
}

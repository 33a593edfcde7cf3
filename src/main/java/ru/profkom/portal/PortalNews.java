package ru.profkom.portal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.profkom.publications.Publications;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** An organization's published news for its public page, newest first, read from the publications module. */
@Component
class PortalNews {

    private final Publications publications;

    PortalNews(Publications publications) {
        this.publications = publications;
    }

    Page<NewsItem> news(long organizationId, PageRequest page) {
        return publications
                .publicFeed(organizationId, page)
                .map(p -> new NewsItem(p.id(), p.title(), p.summary(), p.thumbnailUrl(), p.publishedAt()));
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
                                        : p.images().getFirst().url(),
                                p.publishedAt()),
                        p.bodyHtml(),
                        p.sourceOrganizationName(),
                        p.images().stream().map(image -> image.url()).toList()));
    }
}

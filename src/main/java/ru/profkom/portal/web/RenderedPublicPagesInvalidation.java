package ru.profkom.portal.web;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.portal.PortalEvents.KeptEntriesDropped;
import ru.profkom.portal.PortalEvents.SiteUpdated;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.publications.PublicationEvents.PublicationSaved;
import ru.profkom.publications.PublicationEvents.PublicationUnpublished;

/**
 * Drops the kept public pages after anything they show changed on this node: news and the page itself, and
 * (through the portal's own caches, once they dropped theirs) albums, documents and the registry changes that can
 * take a leader off a home page.
 */
@Component
class RenderedPublicPagesInvalidation {

    private final RenderedPublicPages pages;

    RenderedPublicPagesInvalidation(RenderedPublicPages pages) {
        this.pages = pages;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationPublished event) {
        pages.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationUnpublished event) {
        pages.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationSaved event) {
        pages.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteUpdated event) {
        pages.clear();
    }

    /** After the portal dropped leaders, albums or documents it keeps (synchronously, in its after-commit step). */
    @EventListener
    void on(KeptEntriesDropped event) {
        pages.clear();
    }
}

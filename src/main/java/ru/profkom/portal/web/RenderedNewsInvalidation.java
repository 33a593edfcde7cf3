package ru.profkom.portal.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.portal.PortalEvents.SiteUpdated;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.publications.PublicationEvents.PublicationSaved;
import ru.profkom.publications.PublicationEvents.PublicationUnpublished;

/** Drops the rendered news pages after a publication or a page changed on this node. */
@Component
class RenderedNewsInvalidation {

    private final RenderedNewsCache cache;

    RenderedNewsInvalidation(RenderedNewsCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationPublished event) {
        cache.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationUnpublished event) {
        cache.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PublicationSaved event) {
        cache.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteUpdated event) {
        cache.clear();
    }
}

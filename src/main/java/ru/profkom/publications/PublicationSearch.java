package ru.profkom.publications;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.publications.PublicationEvents.PublicationSaved;
import ru.profkom.publications.PublicationEvents.PublicationUnpublished;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/**
 * Full-text search over publications in Russian: published ones for everybody, drafts and withdrawn
 * ones only for those who edit their organization. Results are read back from the database, so a
 * stale index entry never shows more than the database allows.
 */
@Service
public class PublicationSearch {

    private static final Logger log = LoggerFactory.getLogger(PublicationSearch.class);

    private final PublicationIndex index;
    private final PublicationRepository repository;
    private final Publications publications;
    private final CurrentActor currentActor;

    PublicationSearch(
            PublicationIndex index,
            PublicationRepository repository,
            Publications publications,
            CurrentActor currentActor) {
        this.index = index;
        this.repository = repository;
        this.publications = publications;
        this.currentActor = currentActor;
    }

    public Page<PublicationSummary> search(String query, PageRequest page) {
        Actor actor = currentActor.get();
        List<Long> visibleIn = actor.system()
                ? null
                : actor.grants().stream()
                        .filter(g -> g.role().editsOrganizationCard())
                        .map(Grant::organizationId)
                        .distinct()
                        .toList();
        return search(query, visibleIn, page, s -> actor.system() || editable(s));
    }

    /** Searches with an explicit visibility: null for everything, else published ones and these subtrees. */
    Page<PublicationSummary> search(
            String query,
            List<Long> visibleIn,
            PageRequest page,
            java.util.function.Predicate<PublicationSummary> unpublishedVisible) {
        PublicationIndex.Hits hits = index.search(query, visibleIn, page.offset(), page.size());
        List<PublicationSummary> found = repository.summaries(hits.ids()).stream()
                .filter(s -> s.status() == PublicationStatus.PUBLISHED || unpublishedVisible.test(s))
                .toList();
        return publications.named(new Page<>(found, page.page(), page.size(), hits.total(), hits.totalAtLeast()));
    }

    private boolean editable(PublicationSummary summary) {
        return publications.canEditOrganization(summary.organizationId());
    }

    /** Rebuilds the index from the database when it is empty (a new data directory), off the start-up thread. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfMissing() {
        if (index.needsRebuild() && repository.count() > 0) {
            Thread.ofVirtual().name("publication-index-rebuild").start(() -> rebuild());
        }
    }

    /** Rebuilds the whole index now (after a bulk load). */
    public void rebuild() {
        try {
            index.rebuild(repository);
        } catch (RuntimeException e) {
            log.error("Rebuilding the publication index failed", e);
            throw e;
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PublicationSaved event) {
        reindex(event.publicationId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PublicationPublished event) {
        reindex(event.publicationId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PublicationUnpublished event) {
        reindex(event.publicationId());
    }

    private void reindex(long publicationId) {
        repository.indexed(publicationId).ifPresentOrElse(index::put, () -> index.remove(publicationId));
        index.commit();
    }
}

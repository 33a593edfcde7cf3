package ru.profkom.publications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;

/** Publications keep their organization's current path, in the database and in the search index. */
@Component
class PublicationTreeListener {

    private final PublicationRepository repository;
    private final PublicationIndex index;

    PublicationTreeListener(PublicationRepository repository, PublicationIndex index) {
        this.repository = repository;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(OrganizationMoved event) {
        if (repository.movePaths(event.oldPath(), event.newPath()) > 0) {
            repository.forEachIndexedWithin(event.newPath(), 5_000, chunk -> chunk.forEach(index::put));
            index.commit();
        }
    }
}

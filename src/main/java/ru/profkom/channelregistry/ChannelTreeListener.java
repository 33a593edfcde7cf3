package ru.profkom.channelregistry;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;
import ru.profkom.organizations.OrganizationEvents.OrganizationsMerged;

/**
 * Keeps the channels' copies of their organizations' paths current when a subtree moves; a merged organization's
 * channels pass to the one it joined, which now runs them.
 */
@Component
class ChannelTreeListener {

    private final ChannelRepository repository;

    ChannelTreeListener(ChannelRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(OrganizationMoved event) {
        repository.movePaths(event.oldPath(), event.newPath());
    }

    @ApplicationModuleListener
    void on(OrganizationsMerged event) {
        repository.reassign(event.sourceId(), event.targetId(), event.targetPath());
    }
}

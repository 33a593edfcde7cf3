package ru.profkom.channelregistry;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;

/**
 * Keeps the channels' copies of their organizations' paths current when a subtree moves. A merged organization's
 * channels stay with it, closed as it is, with their history: whether the organization it joined keeps a channel
 * is its staff's decision, who register it there.
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
}

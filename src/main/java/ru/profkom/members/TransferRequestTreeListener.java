package ru.profkom.members;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;

/** Keeps the organization paths a transfer request copies current, as memberships' are. */
@Component
class TransferRequestTreeListener {

    private final TransferRequestRepository repository;

    TransferRequestTreeListener(TransferRequestRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(OrganizationMoved event) {
        repository.repath(event.oldPath(), event.newPath());
    }
}

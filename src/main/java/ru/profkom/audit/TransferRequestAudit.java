package ru.profkom.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.members.TransferRequestEvents.TransferRequestDecided;
import ru.profkom.members.TransferRequestEvents.TransferRequested;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;

/**
 * Transfer requests in the audit log: each entry is filed under both organizations, so that the administrators
 * of the holding and of the requesting side read it. The details name the organizations, never the person.
 */
@Component
class TransferRequestAudit {

    private final AuditRepository repository;
    private final Organizations organizations;
    private final Clock clock;

    TransferRequestAudit(AuditRepository repository, Organizations organizations, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TransferRequested event) {
        String details = "запрос " + event.requestId() + "; " + nameOf(event.fromOrganizationId()) + " → "
                + nameOf(event.toOrganizationId());
        both(
                event.actor(),
                "TRANSFER_REQUESTED",
                event.requestId(),
                event.fromOrganizationId(),
                event.fromOrganizationPath(),
                event.toOrganizationId(),
                event.toOrganizationPath(),
                details);
    }

    @ApplicationModuleListener
    void on(TransferRequestDecided event) {
        String details = "запрос " + event.requestId() + "; " + nameOf(event.fromOrganizationId()) + " → "
                + nameOf(event.toOrganizationId());
        both(
                event.actor(),
                "TRANSFER_REQUEST_" + event.status().name(),
                event.requestId(),
                event.fromOrganizationId(),
                event.fromOrganizationPath(),
                event.toOrganizationId(),
                event.toOrganizationPath(),
                details);
    }

    private void both(
            Actor actor,
            String action,
            long requestId,
            long fromId,
            String fromPath,
            long toId,
            String toPath,
            String details) {
        for (var side : List.of(new Object[] {fromId, fromPath}, new Object[] {toId, toPath})) {
            repository.insert(
                    clock.instant(),
                    actor.accountId(),
                    actor.login(),
                    actor.remoteAddress(),
                    action,
                    (Long) side[0],
                    (String) side[1],
                    "TRANSFER_REQUEST",
                    requestId,
                    details);
        }
    }

    private String nameOf(long organizationId) {
        return CurrentActor.asSystem(() -> organizations.shortNames(List.of(organizationId)))
                .getOrDefault(organizationId, String.valueOf(organizationId));
    }
}

package ru.profkom.audit;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.members.TransferRequestEvents.TransferRequestDecided;
import ru.profkom.members.TransferRequestEvents.TransferRequested;
import ru.profkom.shared.Actor;

/**
 * Transfer requests in the audit log: each entry is filed under both organizations, so that the administrators
 * of the holding and of the requesting side read it. The details name the organizations, never the person.
 */
@Component
class TransferRequestAudit {

    private final AuditWriter writer;

    TransferRequestAudit(AuditWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(TransferRequested event) {
        String details = "запрос " + event.requestId() + "; " + writer.nameOf(event.fromOrganizationId()) + " → "
                + writer.nameOf(event.toOrganizationId());
        both(
                event.actor(),
                AuditAction.TRANSFER_REQUESTED,
                event.requestId(),
                event.fromOrganizationId(),
                event.fromOrganizationPath(),
                event.toOrganizationId(),
                event.toOrganizationPath(),
                details);
    }

    @ApplicationModuleListener
    void on(TransferRequestDecided event) {
        String details = "запрос " + event.requestId() + "; " + writer.nameOf(event.fromOrganizationId()) + " → "
                + writer.nameOf(event.toOrganizationId());
        both(
                event.actor(),
                AuditAction.valueOf("TRANSFER_REQUEST_" + event.status().name()),
                event.requestId(),
                event.fromOrganizationId(),
                event.fromOrganizationPath(),
                event.toOrganizationId(),
                event.toOrganizationPath(),
                details);
    }

    private void both(
            Actor actor,
            AuditAction action,
            long requestId,
            long fromId,
            String fromPath,
            long toId,
            String toPath,
            String details) {
        for (var side : List.of(new Object[] {fromId, fromPath}, new Object[] {toId, toPath})) {
            writer.insert(
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
}

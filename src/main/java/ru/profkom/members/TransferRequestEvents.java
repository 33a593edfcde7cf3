package ru.profkom.members;

import ru.profkom.shared.Actor;

/** What happened to a transfer request; the audit log files each under both organizations. */
public final class TransferRequestEvents {

    private TransferRequestEvents() {}

    public record TransferRequested(
            long requestId,
            long personId,
            long fromOrganizationId,
            String fromOrganizationPath,
            long toOrganizationId,
            String toOrganizationPath,
            TransferSource source,
            Actor actor) {}

    public record TransferRequestDecided(
            long requestId,
            long personId,
            long fromOrganizationId,
            String fromOrganizationPath,
            long toOrganizationId,
            String toOrganizationPath,
            TransferStatus status,
            Actor actor) {}
}

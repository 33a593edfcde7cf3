package ru.profkom.members;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A transfer request (перевод / постановка на учёт) as one side sees it. The holding organization's staff see
 * the person as registered ({@code personId}, {@code personName}) and both organizations; the requesting side
 * sees what it typed and its own organization, never where the person is: {@code personId} and
 * {@code fromOrganizationName} are null for it until the request is accepted and the person is theirs.
 */
public record TransferRequest(
        long id,
        Long personId,
        String personName,
        LocalDate birthDate,
        Long fromOrganizationId,
        String fromOrganizationName,
        long toOrganizationId,
        String toOrganizationName,
        TransferSource source,
        TransferStatus status,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public boolean pending() {
        return status == TransferStatus.PENDING;
    }
}

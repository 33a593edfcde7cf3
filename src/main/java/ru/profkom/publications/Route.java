package ru.profkom.publications;

import java.time.Instant;

/** One step (straight to an ancestor the sender chose, passing the levels between) of a publication's way up, as the sender's status trail and the receiver's queue show it. */
public record Route(
        long id,
        long publicationId,
        String publicationTitle,
        long originOrganizationId,
        String originOrganizationName,
        long fromOrganizationId,
        String fromOrganizationName,
        long toOrganizationId,
        String toOrganizationName,
        RoutePurpose purpose,
        RouteStatus status,
        String note,
        String reply,
        Long republishedId,
        Instant sentAt,
        Instant handledAt,
        String handledByName) {}

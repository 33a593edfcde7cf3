package ru.profkom.publications;

import java.util.List;
import ru.profkom.shared.Actor;

/** What happened to publications and information packages; the portal cross-posts, the audit log records. */
public final class PublicationEvents {

    private PublicationEvents() {}

    /** A publication appeared in its organization's feed (first time or again after a withdrawal). */
    public record PublicationPublished(
            long organizationId,
            String organizationPath,
            long publicationId,
            String title,
            String summary,
            String text,
            List<String> imageUrls,
            String link,
            Actor actor) {}

    public record PublicationUnpublished(
            long organizationId, String organizationPath, long publicationId, Actor actor) {}

    /** A draft was created or a publication edited. */
    public record PublicationSaved(
            long organizationId, String organizationPath, long publicationId, String title, Actor actor) {}

    public record PublicationSentUpward(
            long routeId,
            long publicationId,
            long fromOrganizationId,
            long toOrganizationId,
            String toOrganizationPath,
            RoutePurpose purpose,
            Actor actor) {}

    /** The receiver of a route republished, forwarded or returned the publication. */
    public record PublicationRouteHandled(
            long routeId,
            long publicationId,
            long organizationId,
            String organizationPath,
            RouteStatus status,
            Actor actor) {}

    public record InfoPackageSent(
            long packageId, long organizationId, String organizationPath, String title, int recipients, Actor actor) {}

    public record InfoPackageOpened(long packageId, long organizationId, Actor actor) {}
}

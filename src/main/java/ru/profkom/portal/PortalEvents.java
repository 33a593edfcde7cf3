package ru.profkom.portal;

import ru.profkom.shared.Actor;

/** What the portal announces; the audit log records the staff's changes. */
public final class PortalEvents {

    private PortalEvents() {}

    /** {@code previousSlug} is null for a page saved the first time. */
    public record SiteUpdated(long organizationId, String path, String slug, String previousSlug, Actor actor) {}

    public record SiteDocumentAdded(long organizationId, String path, String title, Actor actor) {}

    public record SiteDocumentRemoved(long organizationId, String path, String title, Actor actor) {}

    /** A visitor applied to join through the public page; the actor is the visitor (anonymous). */
    public record JoinApplied(long organizationId, String path, Long membershipId, Actor actor) {}

    /** Staff read the messages visitors sent through the feedback form (names and contacts in them). */
    public record FeedbackRead(long organizationId, String path, Actor actor) {}

    /** What happened to an album or its photos. */
    public enum AlbumChange {
        CREATED,
        UPDATED,
        PUBLISHED,
        UNPUBLISHED,
        DELETED,
        PHOTOS_ADDED,
        PHOTO_CHANGED,
        PHOTO_REMOVED
    }

    /**
     * Staff changed an album: {@code detail} says what (the number of photos added, the file name of the
     * photo changed or removed), or is null.
     */
    public record AlbumChanged(
            long organizationId,
            String path,
            long albumId,
            String title,
            AlbumChange change,
            String detail,
            Actor actor) {}

    /**
     * On this node, after a commit: the portal dropped what it keeps of a public page's leaders, albums or
     * documents. Whatever keeps rendered pages drops them now, not before (they would be rendered again from the
     * entries still kept).
     */
    public record KeptEntriesDropped() {}
}

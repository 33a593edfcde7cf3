package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.portal.PortalEvents;

/** The audit log's entries for the public pages: one entry per event, written by {@link AuditWriter}. */
@Component
class PortalAudit {

    private final AuditWriter writer;

    PortalAudit(AuditWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(PortalEvents.FeedbackRead event) {
        writer.record(event.actor(), AuditAction.FEEDBACK_READ, event.organizationId(), event.path(), null);
    }

    @ApplicationModuleListener
    void on(PortalEvents.SiteUpdated event) {
        writer.record(
                event.actor(), AuditAction.SITE_UPDATED, event.organizationId(), event.path(), "/" + event.slug());
    }

    @ApplicationModuleListener
    void on(PortalEvents.SiteDocumentAdded event) {
        writer.record(
                event.actor(), AuditAction.SITE_DOCUMENT_ADDED, event.organizationId(), event.path(), event.title());
    }

    @ApplicationModuleListener
    void on(PortalEvents.SiteDocumentRemoved event) {
        writer.record(
                event.actor(), AuditAction.SITE_DOCUMENT_REMOVED, event.organizationId(), event.path(), event.title());
    }

    @ApplicationModuleListener
    void on(PortalEvents.JoinApplied event) {
        // The visitor's data stay in the registry; the log names only the membership.
        writer.record(
                event.actor(),
                AuditAction.JOIN_APPLIED,
                event.organizationId(),
                event.path(),
                event.membershipId() == null ? null : String.valueOf(event.membershipId()));
    }

    @ApplicationModuleListener
    void on(PortalEvents.AlbumChanged event) {
        AuditAction action = switch (event.change()) {
            case CREATED -> AuditAction.ALBUM_CREATED;
            case UPDATED -> AuditAction.ALBUM_UPDATED;
            case PUBLISHED -> AuditAction.ALBUM_PUBLISHED;
            case UNPUBLISHED -> AuditAction.ALBUM_UNPUBLISHED;
            case DELETED -> AuditAction.ALBUM_DELETED;
            case PHOTOS_ADDED -> AuditAction.ALBUM_PHOTOS_ADDED;
            case PHOTO_CHANGED -> AuditAction.ALBUM_PHOTO_CHANGED;
            case PHOTO_REMOVED -> AuditAction.ALBUM_PHOTO_REMOVED;
        };
        writer.record(
                event.actor(),
                action,
                event.organizationId(),
                event.path(),
                "«" + event.title() + "»" + (event.detail() == null ? "" : " · " + event.detail()));
    }
}

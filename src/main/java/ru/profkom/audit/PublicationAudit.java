package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.publications.PublicationEvents;

/** The audit log's entries for publications and packages: one entry per event, written by {@link AuditWriter}. */
@Component
class PublicationAudit {

    private final AuditWriter writer;

    PublicationAudit(AuditWriter writer) {
        this.writer = writer;
    }

    // ---- publications ----------------------------------------------------------------------

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationSaved event) {
        writer.record(
                event.actor(),
                AuditAction.PUBLICATION_SAVED,
                event.organizationId(),
                event.organizationPath(),
                event.title());
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationPublished event) {
        writer.record(
                event.actor(),
                AuditAction.PUBLICATION_PUBLISHED,
                event.organizationId(),
                event.organizationPath(),
                event.title());
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationUnpublished event) {
        writer.record(
                event.actor(),
                AuditAction.PUBLICATION_UNPUBLISHED,
                event.organizationId(),
                event.organizationPath(),
                "#" + event.publicationId());
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationSentUpward event) {
        writer.record(
                event.actor(),
                AuditAction.PUBLICATION_SENT_UPWARD,
                event.toOrganizationId(),
                event.toOrganizationPath(),
                writer.nameOf(event.fromOrganizationId()) + " → " + writer.nameOf(event.toOrganizationId()) + " · "
                        + writer.russian("route.purpose." + event.purpose().name()));
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationRouteHandled event) {
        writer.record(
                event.actor(),
                AuditAction.PUBLICATION_ROUTE_HANDLED,
                event.organizationId(),
                event.organizationPath(),
                "#" + event.publicationId() + " · "
                        + writer.russian("route.status." + event.status().name()));
    }

    @ApplicationModuleListener
    void on(PublicationEvents.InfoPackageSent event) {
        writer.record(
                event.actor(),
                AuditAction.INFO_PACKAGE_SENT,
                event.organizationId(),
                event.organizationPath(),
                event.title() + " · " + event.recipients());
    }
}

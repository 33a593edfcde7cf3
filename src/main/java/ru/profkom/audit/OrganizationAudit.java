package ru.profkom.audit;

import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents;

/** The audit log's entries for organizations: one entry per event, written by {@link AuditWriter}. */
@Component
class OrganizationAudit {

    private final AuditWriter writer;

    OrganizationAudit(AuditWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationCreated event) {
        writer.record(
                event.actor(),
                AuditAction.ORGANIZATION_CREATED,
                event.organizationId(),
                event.path(),
                event.code() + " " + event.shortName());
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationUpdated event) {
        String details = event.changes().stream()
                .map(c -> writer.russian("organization.field." + c.field()) + ": «" + c.oldValue() + "» → «"
                        + c.newValue() + "»")
                .collect(Collectors.joining("; "));
        writer.record(event.actor(), AuditAction.ORGANIZATION_UPDATED, event.organizationId(), event.path(), details);
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationMoved event) {
        writer.repath(event.oldPath(), event.newPath());
        writer.record(
                event.actor(),
                AuditAction.ORGANIZATION_MOVED,
                event.organizationId(),
                event.newPath(),
                writer.russian(
                        "audit.details.moved",
                        writer.nameOf(event.oldParentId()),
                        writer.nameOf(event.newParentId()),
                        event.subtreeSize()));
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationsMerged event) {
        String details = writer.nameOf(event.sourceId()) + " → " + writer.nameOf(event.targetId());
        writer.record(event.actor(), AuditAction.ORGANIZATIONS_MERGED, event.sourceId(), event.sourcePath(), details);
        writer.record(event.actor(), AuditAction.ORGANIZATIONS_MERGED, event.targetId(), event.targetPath(), details);
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationLiquidated event) {
        writer.record(
                event.actor(),
                AuditAction.ORGANIZATION_LIQUIDATED,
                event.organizationId(),
                event.path(),
                String.valueOf(event.liquidatedOn()));
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.BodyAttached event) {
        writer.record(event.actor(), AuditAction.BODY_ATTACHED, event.organizationId(), event.path(), event.name());
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.BodyDetached event) {
        writer.record(event.actor(), AuditAction.BODY_DETACHED, event.organizationId(), event.path(), event.name());
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationsLoaded event) {
        writer.record(event.actor(), AuditAction.ORGANIZATIONS_LOADED, null, null, String.valueOf(event.count()));
    }
}

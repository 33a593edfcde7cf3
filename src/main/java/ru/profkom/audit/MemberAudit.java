package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.members.ChannelUnsubscribes;
import ru.profkom.members.MemberEvents;

/** The audit log's entries for the registry: one entry per event, written by {@link AuditWriter}. */
@Component
class MemberAudit {

    private final AuditWriter writer;

    MemberAudit(AuditWriter writer) {
        this.writer = writer;
    }

    // ---- member registry: ids and counts only, never names, SNILS or phones ---------------------

    @ApplicationModuleListener
    void on(MemberEvents.MemberJoined event) {
        writer.recordMember(
                event.actor(),
                AuditAction.MEMBER_JOINED,
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                "членство " + event.membershipId());
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberExited event) {
        writer.recordMember(
                event.actor(),
                AuditAction.MEMBER_EXITED,
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                "членство " + event.membershipId() + ": "
                        + writer.russian(event.reason().messageKey()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberTransferred event) {
        String details = "членство " + event.fromMembershipId() + " → " + event.toMembershipId() + "; "
                + writer.nameOf(event.fromOrganizationId()) + " → " + writer.nameOf(event.toOrganizationId());
        // Filed under both organizations, so that the administrators of each read it.
        writer.recordMember(
                event.actor(),
                AuditAction.MEMBER_TRANSFERRED,
                event.fromOrganizationId(),
                writer.pathOf(event.fromOrganizationId()),
                event.personId(),
                details);
        writer.recordMember(
                event.actor(),
                AuditAction.MEMBER_TRANSFERRED,
                event.toOrganizationId(),
                writer.pathOf(event.toOrganizationId()),
                event.personId(),
                details);
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberUpdated event) {
        writer.recordMember(
                event.actor(),
                AuditAction.MEMBER_UPDATED,
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                writer.russian("audit.details.changedFields", event.changedFields()));
    }

    /** One entry per applied chunk of an import: counts, never the people. */
    @ApplicationModuleListener
    void on(MemberEvents.MembersImported event) {
        writer.record(
                event.actor(),
                AuditAction.MEMBERS_IMPORTED,
                event.organizationId(),
                event.organizationPath(),
                writer.russian("audit.details.imported", event.importId(), event.joined(), event.updated()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberDataRead event) {
        AuditAction action = switch (event.what()) {
            case "HISTORY" -> AuditAction.MEMBER_HISTORY_READ;
            case "ACTIVISTS" -> AuditAction.ACTIVISTS_READ;
            case "IMPORT_ERRORS" -> AuditAction.IMPORT_ERRORS_READ;
            case "APPLICATIONS" -> AuditAction.JOIN_APPLICATIONS_READ;
            case "CORRECTIONS" -> AuditAction.CORRECTIONS_READ;
            case "EXPORT" -> AuditAction.MEMBERS_EXPORTED;
            default -> event.personId() == null ? AuditAction.MEMBERS_EXPORTED : AuditAction.MEMBER_CARD_READ;
        };
        if (event.personId() == null) {
            writer.record(event.actor(), action, event.organizationId(), event.organizationPath(), null);
        } else {
            writer.recordMember(
                    event.actor(), action, event.organizationId(), event.organizationPath(), event.personId(), null);
        }
    }

    @ApplicationModuleListener
    void on(MemberEvents.MembersExported event) {
        writer.record(
                event.actor(),
                AuditAction.MEMBERS_EXPORTED,
                event.organizationId(),
                event.organizationPath(),
                writer.russian(
                        "audit.details.exported",
                        writer.russian("audit.export." + event.content()),
                        event.format(),
                        event.rows()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.ActivistsSubmitted event) {
        writer.record(
                event.actor(),
                AuditAction.ACTIVISTS_SUBMITTED,
                event.organizationId(),
                event.organizationPath(),
                writer.russian(
                        "audit.details.activistsSubmitted",
                        String.valueOf(event.year()),
                        event.version(),
                        event.rows()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.ActivistSnapshotRead event) {
        writer.record(
                event.actor(),
                AuditAction.ACTIVIST_SNAPSHOT_READ,
                event.organizationId(),
                event.organizationPath(),
                writer.russian("audit.details.activistSnapshot", String.valueOf(event.year()), event.version()));
    }

    /** A member unsubscribed through a message's link: their consent to the channel is withdrawn. */
    @ApplicationModuleListener
    void on(ChannelUnsubscribes.ConsentWithdrawnByUnsubscribe event) {
        writer.recordMember(
                event.actor(),
                AuditAction.CONSENT_WITHDRAWN_BY_UNSUBSCRIBE,
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                writer.russian(event.purpose().messageKey()) + ": " + event.source());
    }
}

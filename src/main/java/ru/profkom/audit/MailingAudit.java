package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.mailings.MailingChannelEvents.ChannelLinked;
import ru.profkom.mailings.MailingChannelEvents.ChannelUnlinked;
import ru.profkom.mailings.MailingEvents.MailingControlled;
import ru.profkom.mailings.MailingEvents.MailingRecipientsRead;
import ru.profkom.mailings.MailingEvents.MailingScheduled;
import ru.profkom.mailings.MailingEvents.MailingTestSent;
import ru.profkom.members.MemberAudiences;

/**
 * The mailings' entries: a mailing scheduled, controlled or sent to oneself to check it, and its recipients read (names and addresses), filed
 * under the sender organization; a member's Telegram or VK link made or removed, a change of personal data filed
 * under each organization holding the person.
 */
@Component
class MailingAudit {

    private final AuditWriter writer;
    private final MemberAudiences members;

    MailingAudit(AuditWriter writer, MemberAudiences members) {
        this.writer = writer;
        this.members = members;
    }

    @ApplicationModuleListener
    void on(MailingScheduled event) {
        writer.insert(
                event.actor().accountId(),
                event.actor().login(),
                event.actor().remoteAddress(),
                AuditAction.MAILING_SCHEDULED,
                event.organizationId(),
                event.path(),
                "MAILING",
                event.mailingId(),
                writer.russian("audit.details.mailingScheduled", event.title(), String.valueOf(event.messages())));
    }

    @ApplicationModuleListener
    void on(MailingControlled event) {
        writer.insert(
                event.actor().accountId(),
                event.actor().login(),
                event.actor().remoteAddress(),
                AuditAction.MAILING_CONTROLLED,
                event.organizationId(),
                event.path(),
                "MAILING",
                event.mailingId(),
                event.title() + ": "
                        + writer.russian("mailing.control." + event.change().toLowerCase() + ".done"));
    }

    @ApplicationModuleListener
    void on(MailingRecipientsRead event) {
        writer.insert(
                event.actor().accountId(),
                event.actor().login(),
                event.actor().remoteAddress(),
                AuditAction.MAILING_RECIPIENTS_READ,
                event.organizationId(),
                event.path(),
                "MAILING",
                event.mailingId(),
                null);
    }

    @ApplicationModuleListener
    void on(MailingTestSent event) {
        writer.insert(
                event.actor().accountId(),
                event.actor().login(),
                event.actor().remoteAddress(),
                AuditAction.MAILING_TEST_SENT,
                event.organizationId(),
                event.path(),
                "MAILING",
                event.mailingId(),
                writer.russian(
                        "audit.details.mailingTestSent",
                        event.title(),
                        event.channels(),
                        event.asPersonId() == null
                                ? writer.russian("audit.details.mailingTestSent.self")
                                : writer.russian(
                                        "audit.details.mailingTestSent.person", String.valueOf(event.asPersonId()))));
    }

    @ApplicationModuleListener
    void on(ChannelLinked event) {
        members.currentPlaces(event.personId())
                .forEach(place -> writer.recordMember(
                        event.actor(),
                        AuditAction.MAILING_CHANNEL_LINKED,
                        place.organizationId(),
                        place.path(),
                        event.personId(),
                        writer.russian(event.channel().messageKey())));
    }

    @ApplicationModuleListener
    void on(ChannelUnlinked event) {
        members.currentPlaces(event.personId())
                .forEach(place -> writer.recordMember(
                        event.actor(),
                        AuditAction.MAILING_CHANNEL_UNLINKED,
                        place.organizationId(),
                        place.path(),
                        event.personId(),
                        writer.russian(event.channel().messageKey()) + " (" + event.reason() + ")"));
    }
}

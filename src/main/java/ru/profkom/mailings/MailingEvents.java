package ru.profkom.mailings;

import ru.profkom.shared.Actor;

/** What staff did with a mailing: the audit files each under the sender organization. */
public final class MailingEvents {

    private MailingEvents() {}

    /** The mailing was scheduled; {@code messages} is the count of outbox rows its audience came to then. */
    public record MailingScheduled(
            long mailingId, long organizationId, String path, String title, long messages, Actor actor) {}

    /** Paused, resumed, cancelled, or failed rows put back in the queue ({@code RESENT}). */
    public record MailingControlled(
            long mailingId, long organizationId, String path, String title, String change, Actor actor) {}

    /** Staff read the list of a mailing's recipients (names and addresses: personal data). */
    public record MailingRecipientsRead(long mailingId, long organizationId, String path, Actor actor) {}

    /**
     * Staff sent the mailing to themselves to check it, on {@code channels} (e.g. "EMAIL,TELEGRAM"), personalised
     * as {@code asPersonId} of its audience or, when null, as themselves.
     */
    public record MailingTestSent(
            long mailingId,
            long organizationId,
            String path,
            String title,
            String channels,
            Long asPersonId,
            Actor actor) {}
}

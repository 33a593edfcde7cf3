package ru.profkom.mailings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The rows the mailing pages list: the mailings of an organization, a mailing's organizations and recipients. */
public final class MailingLines {

    private MailingLines() {}

    /** One line of the list of an organization's mailings. */
    public record Line(
            long id,
            String title,
            MailingStatus status,
            List<Channel> channels,
            Instant sendAt,
            Instant createdAt,
            Integer queuedCount,
            long sent,
            long failed) {}

    /** A recipient row of a mailing, for the list of who did and did not receive. */
    public record RecipientLine(
            long outboxId,
            String recipientName,
            String organizationName,
            Channel channel,
            String address,
            OutboxStatus status,
            String error,
            Instant sentAt) {}

    /** An audience kept under a name. */
    public record SavedAudience(long id, String name, Audience audience) {}

    /**
     * A mailing rendered for one person of its audience, before sending; {@code personId} is null for the
     * placeholder person of an empty audience.
     */
    public record Preview(
            Long personId, String recipientName, String subject, String html, Map<Channel, String> texts) {}

    /** A test send to oneself: where each channel's message went, or why it did not. */
    public record TestSent(List<TestDelivery> deliveries) {}

    /** One channel of a test send: {@code refusal} is null when the message was handed over. */
    public record TestDelivery(Channel channel, String address, String refusal) {

        public boolean sent() {
            return refusal == null;
        }
    }
}

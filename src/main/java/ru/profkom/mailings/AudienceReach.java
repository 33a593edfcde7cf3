package ru.profkom.mailings;

import java.util.Map;

/**
 * What an audience comes to now, before sending: how many people it names, how many of them have not consented
 * to the processing of their data (never written to), and per chosen channel how many are reachable and why the
 * others are not; {@code recipients} receive at least one message and {@code messages} is the number of outbox
 * rows the mailing would queue.
 */
public record AudienceReach(
        long people,
        long withoutProcessingConsent,
        Map<Channel, ChannelReach> channels,
        long recipients,
        long messages) {

    public AudienceReach {
        channels = Map.copyOf(channels);
    }

    /**
     * People of the audience with processing consent on one channel: reachable, and the others by reason (no
     * consent to the channel, no address, an address a bounce showed does not exist).
     */
    public record ChannelReach(long reachable, long withoutConsent, long withoutAddress, long undeliverable) {}

    public long unreachable() {
        return people - recipients;
    }
}

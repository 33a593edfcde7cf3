package ru.profkom.channelregistry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A channel of an organization as the registry keeps it.
 *
 * @param apiTarget the chat id ({@code @name}, {@code -100…}) or VK community id the API is asked with, derived from
 *     the address when not given
 * @param connected read automatically every day (else its counts are entered by hand)
 * @param subscribers the latest count, null before the first
 * @param readStatus the last automatic read's outcome, null before the first
 */
public record RegisteredChannel(
        long id,
        long organizationId,
        String organizationPath,
        ChannelKind kind,
        String address,
        String name,
        String apiTarget,
        boolean connected,
        Integer subscribers,
        LocalDate countedOn,
        ReadStatus readStatus,
        String readError,
        Instant readAt,
        Instant archivedAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** The Roskomnadzor warning: 9,000 subscribers or more (see {@link RoskomnadzorRule}). */
    public boolean roskomnadzorWarning() {
        return !archived() && RoskomnadzorRule.warns(subscribers);
    }

    public boolean mustRegister() {
        return !archived() && RoskomnadzorRule.mustRegister(subscribers);
    }
}

package ru.profkom.mailings;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * How often one account may send a mailing to itself to check it: at most {@link #PER_WINDOW} in any
 * {@link #WINDOW}, counted over the sends kept in the database (so every node sees the same), a send that the relay
 * refused not counted (nothing was sent).
 */
final class TestSendLimit {

    static final int PER_WINDOW = 3;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private TestSendLimit() {}

    /** Empty when one more may go now; else how long until it may, in whole seconds, at least one. */
    static Optional<Duration> wait(Collection<Instant> recentSends, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        var inWindow = recentSends.stream()
                .filter(at -> at.isAfter(windowStart))
                .sorted()
                .toList();
        if (inWindow.size() < PER_WINDOW) {
            return Optional.empty();
        }
        // the oldest that must leave the window before one more fits
        Instant frees = inWindow.get(inWindow.size() - PER_WINDOW).plus(WINDOW);
        long seconds = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }
}

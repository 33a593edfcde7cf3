package ru.profkom.mailings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ru.profkom.shared.ProfkomSettings;

/**
 * The rate per channel (profkom.mailings.*-per-minute, 0 for none): after a batch, the next run of a mailing
 * waits as long as the batch's rows take at the slowest rate they were sent at, so the average stays within it.
 */
final class ChannelPacing {

    private ChannelPacing() {}

    static int perMinute(Channel channel, ProfkomSettings.Mailings settings) {
        return switch (channel) {
            case EMAIL -> settings.emailPerMinute();
            case TELEGRAM -> settings.telegramPerMinute();
            case VK -> settings.vkPerMinute();
            case SMS -> settings.smsPerMinute();
        };
    }

    /** When the next batch may start, given when this one started and how many rows it sent per channel. */
    static Instant nextRun(
            Instant batchStarted, Instant now, Map<Channel, Integer> sent, ProfkomSettings.Mailings settings) {
        Instant next = now;
        for (Map.Entry<Channel, Integer> entry : sent.entrySet()) {
            int rate = perMinute(entry.getKey(), settings);
            if (rate > 0 && entry.getValue() > 0) {
                Instant earliest = batchStarted.plus(
                        Duration.ofMinutes(1).multipliedBy(entry.getValue()).dividedBy(rate));
                if (earliest.isAfter(next)) {
                    next = earliest;
                }
            }
        }
        return next;
    }
}

package ru.profkom.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.channelregistry.ChannelKind;
import ru.profkom.channelregistry.ChannelRegistry;
import ru.profkom.channelregistry.LatestCount;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;

/**
 * Fills a month's channels from the channel registry: each of the organization's registered channels with its
 * latest count up to the month's end (or today, in the current month), skipping addresses the month already has.
 * The rows are then the month's own, as if typed (the report of a past month does not change when the registry
 * reads a new count), and each is added through {@link Indicators#addChannel}, with its checks and audit entry.
 */
@Service
@Transactional
public class ChannelPrefill {

    private final Indicators indicators;
    private final ChannelRegistry registry;
    private final java.time.Clock clock;

    ChannelPrefill(Indicators indicators, ChannelRegistry registry, java.time.Clock clock) {
        this.indicators = indicators;
        this.registry = registry;
        this.clock = clock;
    }

    /** Adds the registry's channels missing from the month; returns how many were added. */
    public int fromRegistry(long organizationId, YearMonth period) {
        LocalDate today = MoscowTime.today(clock);
        LocalDate asOf = period.atEndOfMonth().isAfter(today) ? today : period.atEndOfMonth();
        Set<String> present = new HashSet<>();
        indicators
                .channels(organizationId, period, null, new PageRequest(0, Indicators.MAX_CHANNELS))
                .items()
                .forEach(channel -> present.add(key(channel.address())));
        List<LatestCount> counts = registry.latestCounts(organizationId, asOf);
        int added = 0;
        for (LatestCount count : counts) {
            if (present.add(key(count.address()))) {
                indicators.addChannel(organizationId, period, kind(count.kind()), count.address(), count.subscribers());
                added++;
            }
        }
        return added;
    }

    static Channel.Kind kind(ChannelKind kind) {
        return switch (kind) {
            case SITE -> Channel.Kind.SITE;
            case VK_COMMUNITY -> Channel.Kind.VK;
            case TELEGRAM_CHANNEL, TELEGRAM_CHAT -> Channel.Kind.TELEGRAM;
            case OK -> Channel.Kind.OK;
            case MAX -> Channel.Kind.MAX;
            case YOUTUBE -> Channel.Kind.YOUTUBE;
            case OTHER -> Channel.Kind.OTHER;
        };
    }

    private static String key(String address) {
        return address.strip()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("/+$", "");
    }
}

package ru.profkom.crossposting;

import static profkom.schema.Tables.CROSSPOST_CHANNEL;
import static profkom.schema.Tables.CROSSPOST_DELIVERY;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.tables.records.CrosspostChannelRecord;
import profkom.schema.tables.records.CrosspostDeliveryRecord;
import ru.profkom.portal.PortalSites;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.PublicAddress;

/**
 * The durable outbox: a published publication becomes one delivery per enabled channel of its
 * organization; the dispatcher claims due deliveries one at a time under a row lock (so two nodes never
 * send one twice), sends them, and on failure retries after 1, 2, 4 … minutes up to 6 hours apart,
 * {@link CrossPosting#MAX_ATTEMPTS} times in all.
 */
@Component
class CrossPostOutbox {

    private static final Logger log = LoggerFactory.getLogger(CrossPostOutbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<ChannelKind, ChannelAdapter> adapters;
    private final PortalSites sites;
    private final PublicAddress publicAddress;

    CrossPostOutbox(
            DSLContext dsl,
            TransactionTemplate transactions,
            Clock clock,
            List<ChannelAdapter> adapters,
            PortalSites sites,
            PublicAddress publicAddress) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
        this.sites = sites;
        this.adapters = adapters.stream().collect(Collectors.toMap(ChannelAdapter::kind, Function.identity()));
        this.publicAddress = publicAddress;
    }

    @ApplicationModuleListener
    void on(PublicationPublished event) {
        List<CrosspostChannelRecord> channels = dsl.selectFrom(CROSSPOST_CHANNEL)
                .where(CROSSPOST_CHANNEL.ORGANIZATION_ID.eq(event.organizationId()))
                .and(CROSSPOST_CHANNEL.ENABLED.isTrue())
                .fetch();
        Instant now = clock.instant();
        for (CrosspostChannelRecord channel : channels) {
            dsl.insertInto(CROSSPOST_DELIVERY)
                    .set(CROSSPOST_DELIVERY.CHANNEL_ID, channel.getId())
                    .set(CROSSPOST_DELIVERY.ORGANIZATION_ID, event.organizationId())
                    .set(CROSSPOST_DELIVERY.PUBLICATION_ID, event.publicationId())
                    .set(CROSSPOST_DELIVERY.TITLE, abbreviate(event.title(), 500))
                    .set(CROSSPOST_DELIVERY.TEXT, abbreviate(event.summary(), 8000))
                    .set(
                            CROSSPOST_DELIVERY.LINK,
                            absolute(sites.newsPath(event.organizationId(), event.publicationId())
                                    .orElse(event.link())))
                    .set(
                            CROSSPOST_DELIVERY.IMAGE_URL,
                            event.imageUrls() == null || event.imageUrls().isEmpty()
                                    ? null
                                    : absolute(event.imageUrls().getFirst()))
                    .set(CROSSPOST_DELIVERY.STATUS, DeliveryStatus.PENDING.name())
                    .set(CROSSPOST_DELIVERY.ATTEMPTS, 0)
                    .set(CROSSPOST_DELIVERY.NEXT_ATTEMPT_AT, now)
                    .set(CROSSPOST_DELIVERY.CREATED_AT, now)
                    .execute();
        }
    }

    @Scheduled(fixedDelayString = ProfkomSettings.CROSSPOST_POLL_INTERVAL)
    void dispatchDue() {
        for (int i = 0; i < 100; i++) {
            if (!Boolean.TRUE.equals(transactions.execute(status -> sendNext()))) {
                return;
            }
        }
    }

    /** Sends the oldest due delivery; false when there was none. */
    private boolean sendNext() {
        Instant now = clock.instant();
        CrosspostDeliveryRecord delivery = dsl.selectFrom(CROSSPOST_DELIVERY)
                .where(CROSSPOST_DELIVERY.STATUS.eq(DeliveryStatus.PENDING.name()))
                .and(CROSSPOST_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                .orderBy(CROSSPOST_DELIVERY.NEXT_ATTEMPT_AT, CROSSPOST_DELIVERY.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOne();
        if (delivery == null) {
            return false;
        }
        CrosspostChannelRecord channel = dsl.selectFrom(CROSSPOST_CHANNEL)
                .where(CROSSPOST_CHANNEL.ID.eq(delivery.getChannelId()))
                .fetchOne();
        int attempts = delivery.getAttempts() + 1;
        delivery.setAttempts(attempts);
        try {
            if (channel == null || !channel.getEnabled()) {
                throw new ChannelAdapter.DeliveryException("channel disconnected");
            }
            ChannelAdapter adapter = adapters.get(ChannelKind.valueOf(channel.getKind()));
            adapter.send(
                    channel.getTarget(),
                    channel.getToken(),
                    new Post(delivery.getTitle(), delivery.getText(), delivery.getLink(), delivery.getImageUrl()));
            delivery.setStatus(DeliveryStatus.SENT.name());
            delivery.setSentAt(clock.instant());
            delivery.setLastError(null);
        } catch (ChannelAdapter.DeliveryException | RuntimeException e) {
            String reason = HttpAdapters.hide(
                    e instanceof ChannelAdapter.DeliveryException
                            ? e.getMessage()
                            : e.getClass().getSimpleName(),
                    channel == null ? null : channel.getToken());
            delivery.setLastError(abbreviate(reason, 1000));
            if (attempts >= CrossPosting.MAX_ATTEMPTS) {
                delivery.setStatus(DeliveryStatus.FAILED.name());
            } else {
                delivery.setNextAttemptAt(clock.instant().plus(backoff(attempts)));
            }
            // The reason names no token (hidden above); the channel's id is enough to find it.
            log.warn(
                    "Cross-post {} to channel {} failed (attempt {}): {}",
                    delivery.getId(),
                    delivery.getChannelId(),
                    attempts,
                    reason);
        }
        delivery.store();
        return true;
    }

    /** 1, 2, 4, 8 … minutes after the first, second, third … failure, at most 6 hours. */
    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    private String absolute(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        return link.startsWith("http://") || link.startsWith("https://") ? link : publicAddress.link(link);
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}

package ru.profkom.mailings.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.mailings.Channel;
import ru.profkom.members.ChannelUnsubscribes;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.shared.CurrentActor;

/**
 * What a recipient does with an e-mail, by its signed tokens: opens it (the pixel), follows a link, unsubscribes.
 * Public: a token is the only credential, and a forged or changed one reads as nothing. Unsubscribing marks the
 * row and asks the registry (an event, {@link ChannelUnsubscribes.Unsubscribed}) to withdraw the person's consent
 * to the channel.
 */
@Service
public class Tracker {

    private final TrackingKey key;
    private final TrackingRepository repository;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;
    private final Clock clock;

    Tracker(
            TrackingKey key,
            TrackingRepository repository,
            ApplicationEventPublisher events,
            CurrentActor currentActor,
            Clock clock) {
        this.key = key;
        this.repository = repository;
        this.events = events;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Where an unsubscribe link stands: whose address (shown masked) and whether it was used. */
    public record UnsubscribeLink(String maskedAddress, boolean done) {}

    /** Records the open; answers whether the token was one of ours. */
    @Transactional
    public boolean open(String token, String userAgent, String remoteAddress) {
        Optional<TrackingTokens.Token> read = key.tokens().readOpen(token);
        read.flatMap(found -> repository.row(found.outboxId())).ifPresent(row -> {
            Instant now = clock.instant();
            repository.recordOpen(
                    row.id(), now, MachineOpenRule.isMachine(row.sentAt(), now, userAgent, remoteAddress));
        });
        return read.isPresent();
    }

    /** Records a person's click (a machine's is only followed) and answers where the link leads. */
    @Transactional
    public Optional<String> click(String token, String url, String userAgent, String remoteAddress) {
        Optional<TrackingTokens.Token> read = key.tokens().readClick(token, url);
        if (read.isEmpty() || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return Optional.empty();
        }
        repository.row(read.get().outboxId()).ifPresent(row -> {
            Instant now = clock.instant();
            if (!MachineOpenRule.isMachine(row.sentAt(), now, userAgent, remoteAddress)) {
                repository.recordClick(row.id(), now);
            }
        });
        return Optional.of(url);
    }

    @Transactional(readOnly = true)
    public Optional<UnsubscribeLink> unsubscribeLink(String token) {
        return key.tokens()
                .readUnsubscribe(token)
                .flatMap(found -> repository.row(found.outboxId()))
                .map(row -> new UnsubscribeLink(mask(row.address()), row.unsubscribedAt() != null));
    }

    /** Unsubscribes the row's person from its channel; answers false for a token that is not ours. */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<TrackingRepository.TrackedRow> found =
                key.tokens().readUnsubscribe(token).flatMap(read -> repository.row(read.outboxId()));
        if (found.isEmpty()) {
            return false;
        }
        TrackingRepository.TrackedRow row = found.get();
        if (repository.markUnsubscribed(row.id(), clock.instant())) {
            events.publishEvent(new ChannelUnsubscribes.Unsubscribed(
                    row.personId(),
                    purposeOf(row.channel()),
                    row.organizationId(),
                    "рассылка " + row.mailingId(),
                    currentActor.get()));
        }
        return true;
    }

    /** The consent a channel's messages need (152-FZ): e-mail, SMS, or a messenger for Telegram and VK. */
    static ConsentPurpose purposeOf(Channel channel) {
        return switch (channel) {
            case EMAIL -> ConsentPurpose.EMAIL;
            case SMS -> ConsentPurpose.SMS;
            case TELEGRAM, VK -> ConsentPurpose.MESSENGER;
        };
    }

    /** {@code a***@example.ru}: enough for the person to recognise, nothing for whoever found the link. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return address.length() <= 4
                    ? "***"
                    : address.substring(0, 2) + "***" + address.substring(address.length() - 2);
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}

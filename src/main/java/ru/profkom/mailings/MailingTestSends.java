package ru.profkom.mailings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.tables.records.MailingRecord;
import ru.profkom.accounts.Account;
import ru.profkom.accounts.Accounts;
import ru.profkom.mailings.MailingEvents.MailingTestSent;
import ru.profkom.mailings.MailingLines.TestDelivery;
import ru.profkom.mailings.MailingLines.TestSent;
import ru.profkom.mailings.channels.ChannelLinkRepository;
import ru.profkom.mailings.channels.ChannelSender;
import ru.profkom.mailings.channels.OutgoingMessage;
import ru.profkom.mailings.channels.SendOutcome;
import ru.profkom.members.Member;
import ru.profkom.members.MemberCabinet;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.PublicAddress;

/**
 * A test send to oneself: the mailing as it stands, personalised as a person of its audience or as the staff
 * member, to the e-mail of their account (when the mailing has an e-mail text) and to their Telegram chat (when it
 * has a Telegram text and their account's person linked the bot), the subject and text prefixed «[Проверка]».
 *
 * <p>It is no outbox row and no figure of the mailing: the links are not made trackable and there is no
 * unsubscribe link (the staff member is no recipient). Sending happens outside any transaction (a relay may take
 * its timeout); only a send that reached at least one channel is recorded, for {@link TestSendLimit}, and
 * audited. A refusal on every channel writes nothing and answers with the reasons.
 */
@Service
public class MailingTestSends {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MailingRepository repository;
    private final AudienceRepository audiences;
    private final TestSendRepository sends;
    private final Organizations organizations;
    private final Accounts accounts;
    private final MemberCabinet cabinet;
    private final ChannelLinkRepository links;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final PublicAddress publicAddress;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailingTestSends(
            MailingRepository repository,
            AudienceRepository audiences,
            TestSendRepository sends,
            Organizations organizations,
            Accounts accounts,
            MemberCabinet cabinet,
            ChannelLinkRepository links,
            List<ChannelSender> senders,
            PublicAddress publicAddress,
            MessageSource messages,
            ApplicationEventPublisher events,
            CurrentActor currentActor,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.audiences = audiences;
        this.sends = sends;
        this.organizations = organizations;
        this.accounts = accounts;
        this.cabinet = cabinet;
        this.links = links;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.publicAddress = publicAddress;
        this.messages = messages;
        this.events = events;
        this.currentActor = currentActor;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What is sent where, read in one transaction before anything is sent. */
    private record Prepared(long accountId, MailingRecord mailing, String path, List<OutgoingMessage> messages) {}

    /**
     * Sends the mailing to the signed-in staff member, personalised as {@code asPersonId} of its audience (null:
     * as themselves); where each channel's message went, or a refusal when none went.
     */
    public TestSent send(long mailingId, Long asPersonId) {
        Actor actor = currentActor.get();
        if (actor.accountId() == null) {
            throw ProfkomException.forbidden("access.denied");
        }
        Prepared prepared = transactions.execute(status -> prepare(actor.accountId(), mailingId, asPersonId));
        List<TestDelivery> deliveries = new ArrayList<>(prepared.messages().size());
        for (OutgoingMessage message : prepared.messages()) {
            deliveries.add(new TestDelivery(message.channel(), message.address(), refusal(message)));
        }
        if (deliveries.stream().noneMatch(TestDelivery::sent)) {
            throw ProfkomException.conflict(
                    "mailing.testSend.failed",
                    deliveries.stream()
                            .map(delivery -> delivery.address() + ": " + delivery.refusal())
                            .collect(Collectors.joining("; ")));
        }
        String channels = deliveries.stream()
                .filter(TestDelivery::sent)
                .map(delivery -> delivery.channel().name())
                .collect(Collectors.joining(","));
        transactions.executeWithoutResult(status -> {
            sends.record(prepared.accountId(), mailingId, clock.instant());
            events.publishEvent(new MailingTestSent(
                    mailingId,
                    prepared.mailing().getOrganizationId(),
                    prepared.path(),
                    prepared.mailing().getTitle(),
                    channels,
                    asPersonId,
                    actor));
        });
        return new TestSent(deliveries);
    }

    private Prepared prepare(long accountId, long mailingId, Long asPersonId) {
        MailingRecord row = repository.find(mailingId).orElseThrow(() -> ProfkomException.notFound("mailing.notFound"));
        String path = organizations
                .pathOf(row.getOrganizationId())
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
        if (!organizations.scope().covers(path)) {
            throw ProfkomException.forbidden("mailing.forbidden");
        }
        Instant now = clock.instant();
        Optional<Duration> wait = TestSendLimit.wait(sends.sentSince(accountId, now.minus(TestSendLimit.WINDOW)), now);
        if (wait.isPresent()) {
            throw ProfkomException.conflict(
                    "mailing.testSend.tooOften",
                    TestSendLimit.PER_WINDOW,
                    wait.get().toSeconds());
        }
        MailingForm form = repository.form(row);
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        Optional<Member> me = cabinet.linked() ? Optional.of(cabinet.me()) : Optional.empty();
        Account account = accounts.me();
        if (asPersonId == null) {
            values.put(Placeholder.NAME, me.map(Member::firstName).orElse(account.fullName()));
            values.put(Placeholder.FULL_NAME, me.map(Member::fullName).orElse(account.fullName()));
        } else {
            values.putAll(audiences
                    .person(path, form.audience(), asPersonId, MoscowTime.today(clock))
                    .orElseThrow(() -> ProfkomException.notFound("mailing.testSend.notInAudience"))
                    .values());
        }
        values.put(Placeholder.CABINET_LINK, publicAddress.link("/cabinet"));
        String prefix = messages.getMessage("mailing.testSend.prefix", null, RUSSIAN) + " ";
        List<OutgoingMessage> out = new ArrayList<>(2);
        if (form.texts().containsKey(Channel.EMAIL)) {
            if (account.email() == null || account.email().isBlank()) {
                throw ProfkomException.conflict("mailing.testSend.noEmail");
            }
            List<OutgoingMessage.Attachment> attachments = repository.attachments(mailingId);
            out.add(Personalisation.message(
                            0,
                            Channel.EMAIL,
                            account.email(),
                            form.subject(),
                            form.html(),
                            form.texts(),
                            values,
                            attachments)
                    .prefixed(prefix));
        }
        Optional<String> chat = me.flatMap(
                member -> Optional.ofNullable(links.linksOf(member.id()).get(Channel.TELEGRAM)));
        if (form.texts().containsKey(Channel.TELEGRAM) && chat.isPresent()) {
            out.add(Personalisation.message(
                            0,
                            Channel.TELEGRAM,
                            chat.get(),
                            form.subject(),
                            form.html(),
                            form.texts(),
                            values,
                            List.of())
                    .prefixed(prefix));
        }
        if (out.isEmpty()) {
            throw ProfkomException.conflict("mailing.testSend.noChannel");
        }
        return new Prepared(accountId, row, path, out);
    }

    /** Null when the channel took the message; else why not, in Russian. */
    private String refusal(OutgoingMessage message) {
        ChannelSender sender = senders.get(message.channel());
        if (sender == null) {
            return messages.getMessage("mailing.testSend.noSender", null, RUSSIAN);
        }
        try {
            return switch (sender.send(List.of(message)).getFirst()) {
                case SendOutcome.Sent sent -> null;
                case SendOutcome.Refused refused -> refused.reason();
                case SendOutcome.RetryLater later -> later.reason();
                case SendOutcome.Unknown unknown -> unknown.reason();
            };
        } catch (RuntimeException e) {
            return messages.getMessage("mailing.testSend.lost", null, RUSSIAN);
        }
    }
}

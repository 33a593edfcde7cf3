package ru.profkom.mailings;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.tables.records.MailingRecord;
import ru.profkom.mailings.channels.ChannelSender;
import ru.profkom.mailings.channels.OutgoingMessage;
import ru.profkom.mailings.channels.SendOutcome;
import ru.profkom.mailings.tracking.MailTracking;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.PublicAddress;

/**
 * The send job: one db-scheduler execution per mailing ({@value #TASK} with the mailing's id), rescheduled while
 * there is work. A run claims a batch of queued rows as {@code SENDING} and commits, then hands them to the
 * channels, then records the outcomes; rows a dead run left {@code SENDING} become {@code UNKNOWN} first. A
 * pause or cancel takes effect at the next batch; outside the Moscow window the run waits for its next start.
 */
@Configuration(proxyBeanMethods = false)
class MailingSending {

    static final String TASK = "mailing-send";

    /** How long one execution of the send job keeps sending before it hands the mailing back to the scheduler. */
    static final Duration RUN_BUDGET = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(MailingSending.class);

    private final OutboxRepository outbox;
    private final MailingRepository mailings;
    private final AudienceRepository audiences;
    private final Organizations organizations;
    private final PublicAddress publicAddress;
    private final TransactionTemplate transactions;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final ProfkomSettings.Mailings settings;
    private final MailTracking tracking;

    MailingSending(
            OutboxRepository outbox,
            MailingRepository mailings,
            AudienceRepository audiences,
            Organizations organizations,
            PublicAddress publicAddress,
            TransactionTemplate transactions,
            List<ChannelSender> senders,
            Clock clock,
            ProfkomSettings settings,
            MailTracking tracking) {
        this.tracking = tracking;
        this.outbox = outbox;
        this.mailings = mailings;
        this.audiences = audiences;
        this.organizations = organizations;
        this.publicAddress = publicAddress;
        this.transactions = transactions;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.clock = clock;
        this.settings = settings.mailings();
    }

    @Bean
    CustomTask<Long> mailingSendTask() {
        // A run that throws (the database away for a moment) is tried again soon, not after db-scheduler's
        // default five minutes: rows it claimed are UNKNOWN by then, never sent twice silently.
        return Tasks.custom(TASK, Long.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .execute((instance, context) -> {
                    Optional<Instant> next = runWhileDue(instance.getData());
                    return next.<CompletionHandler<Long>>map(
                                    at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }

    /**
     * Batches one after another while the next is due at once (no rate holds it back), for at most
     * {@link #RUN_BUDGET}: handing each batch back to the scheduler would idle a poll interval between batches.
     */
    Optional<Instant> runWhileDue(long mailingId) {
        Instant until = clock.instant().plus(RUN_BUDGET);
        Supplier<List<OutgoingMessage.Attachment>> attachments = attachmentsOnce(mailingId);
        Optional<Instant> next = runOnce(mailingId, attachments);
        while (next.isPresent()
                && !next.get().isAfter(clock.instant())
                && clock.instant().isBefore(until)) {
            next = runOnce(mailingId, attachments);
        }
        return next;
    }

    /** One batch of one mailing; the time of the next run, or empty when the mailing needs none. */
    Optional<Instant> runOnce(long mailingId) {
        return runOnce(mailingId, attachmentsOnce(mailingId));
    }

    /**
     * The mailing's files, read at the first batch that sends and kept for the execution's later batches (only a
     * draft's attachments change, so they are the same for every batch).
     */
    private Supplier<List<OutgoingMessage.Attachment>> attachmentsOnce(long mailingId) {
        List<List<OutgoingMessage.Attachment>> read = new ArrayList<>(1);
        return () -> {
            if (read.isEmpty()) {
                read.add(mailings.attachments(mailingId));
            }
            return read.getFirst();
        };
    }

    private Optional<Instant> runOnce(long mailingId, Supplier<List<OutgoingMessage.Attachment>> files) {
        Optional<OutboxRepository.MailingToSend> found = outbox.mailing(mailingId);
        if (found.isEmpty() || !found.get().status().active()) {
            return Optional.empty();
        }
        OutboxRepository.MailingToSend mailing = found.get();
        queueAudience(mailingId);
        int interrupted = transactions.execute(status -> outbox.markInterrupted(mailingId));
        if (interrupted > 0) {
            log.warn("Mailing {}: {} rows of a run that died are now unknown", mailingId, interrupted);
        }
        Instant now = clock.instant();
        if (!mailing.window().allows(now)) {
            return Optional.of(mailing.window().nextAllowed(now));
        }
        if (mailing.status() == MailingStatus.SCHEDULED
                && !outbox.changeStatus(
                        mailingId, MailingStatus.SCHEDULED, mailing.status().afterStart(), now)) {
            return Optional.empty();
        }
        List<OutboxRepository.ClaimedRow> claimed =
                transactions.execute(status -> outbox.claim(mailingId, settings.batchSize(), now));
        if (claimed.isEmpty()) {
            outbox.changeStatus(mailingId, MailingStatus.SENDING, MailingStatus.SENDING.afterFinish(), clock.instant());
            return Optional.empty();
        }
        List<OutgoingMessage.Attachment> attachments = files.get();
        List<OutboxRepository.Settled> outcomes = new ArrayList<>(claimed.size());
        Map<Channel, List<OutboxRepository.ClaimedRow>> byChannel = new EnumMap<>(Channel.class);
        claimed.forEach(row -> byChannel
                .computeIfAbsent(row.channel(), channel -> new ArrayList<>())
                .add(row));
        byChannel.forEach((channel, rows) -> send(mailing, channel, rows, attachments, outcomes));
        transactions.executeWithoutResult(status -> outbox.record(outcomes));
        Map<Channel, Integer> sent = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, rows) -> sent.put(channel, rows.size()));
        return Optional.of(ChannelPacing.nextRun(now, clock.instant(), sent, settings));
    }

    /**
     * Resolves the mailing's audience into outbox rows at its first run, in one transaction with the mark that it
     * was done: consents withdrawn since scheduling are respected, and a run that dies half-way leaves no rows.
     */
    private void queueAudience(long mailingId) {
        transactions.executeWithoutResult(status -> {
            MailingRecord row = mailings.find(mailingId).orElseThrow();
            if (row.getQueuedAt() != null) {
                return;
            }
            MailingForm form = mailings.form(row);
            String path = organizations.pathOf(row.getOrganizationId()).orElseThrow();
            Instant now = clock.instant();
            int added = audiences.resolve(
                    mailingId,
                    path,
                    form.audience(),
                    form.texts().keySet(),
                    form.delivery(),
                    MoscowTime.today(clock),
                    now);
            if (!audiences.markQueued(mailingId, added, now)) {
                throw new IllegalStateException("Mailing " + mailingId + " was queued by another run");
            }
            log.info("Mailing {}: {} messages queued", mailingId, added);
        });
    }

    private void send(
            OutboxRepository.MailingToSend mailing,
            Channel channel,
            List<OutboxRepository.ClaimedRow> rows,
            List<OutgoingMessage.Attachment> attachments,
            List<OutboxRepository.Settled> outcomes) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            rows.forEach(row -> outcomes.add(outbox.failed(row.id(), "Канал не подключён на этом сервере")));
            return;
        }
        int size = Math.max(1, sender.maxBatch());
        for (int from = 0; from < rows.size(); from += size) {
            List<OutboxRepository.ClaimedRow> part = rows.subList(from, Math.min(rows.size(), from + size));
            List<OutgoingMessage> messages =
                    part.stream().map(row -> compose(mailing, row, attachments)).toList();
            List<SendOutcome> answers;
            try {
                answers = sender.send(messages);
            } catch (RuntimeException e) {
                log.warn(
                        "Mailing {}: {} sender failed mid-batch: {}",
                        mailing.id(),
                        channel,
                        e.getClass().getSimpleName());
                part.forEach(row -> outcomes.add(outbox.unknown(row.id(), "Связь прервалась при отправке")));
                continue;
            }
            Instant now = clock.instant();
            for (int i = 0; i < part.size(); i++) {
                long id = part.get(i).id();
                SendOutcome answer = i < answers.size() ? answers.get(i) : null;
                outcomes.add(
                        switch (answer) {
                            case SendOutcome.Sent sent -> outbox.sent(id, sent.providerId(), now);
                            case SendOutcome.Refused refused -> outbox.failed(id, refused.reason());
                            case SendOutcome.RetryLater later -> outbox.retryLater(id, later.reason());
                            case SendOutcome.Unknown unknown -> outbox.unknown(id, unknown.reason());
                            case null -> outbox.unknown(id, "Канал не сообщил результат");
                        });
            }
        }
    }

    /** The row's message, personalised, and for e-mail made trackable (links, pixel, unsubscribe, VERP). */
    private OutgoingMessage compose(
            OutboxRepository.MailingToSend mailing,
            OutboxRepository.ClaimedRow row,
            List<OutgoingMessage.Attachment> attachments) {
        return tracking.decorate(personalise(mailing, row, attachments));
    }

    private OutgoingMessage personalise(
            OutboxRepository.MailingToSend mailing,
            OutboxRepository.ClaimedRow row,
            List<OutgoingMessage.Attachment> attachments) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.CABINET_LINK, publicAddress.link("/cabinet"));
        putIfPresent(values, Placeholder.NAME, row.recipientName());
        putIfPresent(values, Placeholder.FULL_NAME, row.recipientFullName());
        putIfPresent(values, Placeholder.ORGANIZATION, row.organizationName());
        putIfPresent(values, Placeholder.CARD_NUMBER, row.cardNumber());
        return Personalisation.message(
                row.id(),
                row.channel(),
                row.address(),
                mailing.subject(),
                mailing.html(),
                mailing.texts(),
                values,
                attachments);
    }

    private static void putIfPresent(Map<Placeholder, String> values, Placeholder placeholder, String value) {
        if (value != null) {
            values.put(placeholder, value);
        }
    }
}

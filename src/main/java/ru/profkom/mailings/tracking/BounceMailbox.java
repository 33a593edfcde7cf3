package ru.profkom.mailings.tracking;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.mailings.Channel;
import ru.profkom.shared.ProfkomSettings;

/**
 * Reads the bounce mailbox over IMAP ({@code profkom.mailings.bounce-imap-*}; an empty host leaves it unread) from
 * a recurring db-scheduler job ({@value #TASK}), so one node reads at a time. Each unread message is matched to
 * its outbox row by the VERP return path it was sent to (or that its quoted headers name), else by the original's
 * {@code Message-ID}; {@link BounceRules} decides what the bounce means. A message is marked read once handled,
 * matched or not, so the next run starts after it; handling one again changes nothing. A message whose subject is
 * {@code unsubscribe-<token>} (the {@code mailto:} of {@code List-Unsubscribe}) unsubscribes its row's person.
 */
@Configuration(proxyBeanMethods = false)
public class BounceMailbox {

    static final String TASK = "mailing-bounces";

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(?i)\\bunsubscribe-([A-Za-z0-9_-]{31})\\b");
    private static final int MAX_BYTES = 256 * 1024;

    private final ProfkomSettings.Mailings settings;
    private final TrackingKey key;
    private final TrackingRepository repository;
    private final Tracker tracker;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;

    BounceMailbox(
            ProfkomSettings settings,
            TrackingKey key,
            TrackingRepository repository,
            Tracker tracker,
            TransactionTemplate transactions,
            java.time.Clock clock) {
        this.clock = clock;
        this.settings = settings.mailings();
        this.key = key;
        this.repository = repository;
        this.tracker = tracker;
        this.transactions = transactions;
    }

    @Bean
    Task<Void> mailingBounceTask() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.bounceImapPollInterval()))
                .execute((instance, context) -> readOnce());
    }

    /** What one read of the mailbox did. */
    public record Outcome(int read, int bounced, int unsubscribed) {}

    /** Reads the unread messages once; what the job runs, and a test directly. Nothing is thrown. */
    public Outcome readOnce() {
        if (settings.bounceImapHost().isBlank()) {
            return new Outcome(0, 0, 0);
        }
        int read = 0;
        int bounced = 0;
        int unsubscribed = 0;
        Session session = Session.getInstance(properties());
        String protocol = settings.bounceImapSsl() ? "imaps" : "imap";
        try (Store store = session.getStore(protocol)) {
            store.connect(
                    settings.bounceImapHost(),
                    settings.bounceImapPort(),
                    settings.bounceImapUser(),
                    settings.bounceImapPassword());
            Folder folder = store.getFolder(settings.bounceImapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    read++;
                    switch (handle(message)) {
                        case BOUNCED -> bounced++;
                        case UNSUBSCRIBED -> unsubscribed++;
                        case NOTHING -> {}
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn(
                    "Bounce mailbox {}@{} could not be read: {}",
                    settings.bounceImapUser(),
                    settings.bounceImapHost(),
                    e.toString());
        }
        return new Outcome(read, bounced, unsubscribed);
    }

    private enum Handled {
        BOUNCED,
        UNSUBSCRIBED,
        NOTHING
    }

    private Handled handle(Message message) {
        String subject;
        String from;
        String text;
        try {
            subject = message.getSubject();
            from = message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
            text = raw(message);
        } catch (MessagingException | IOException e) {
            log.warn("A message of the bounce mailbox could not be read: {}", e.toString());
            return Handled.NOTHING;
        }
        if (subject != null) {
            Matcher unsubscribe = UNSUBSCRIBE.matcher(subject);
            if (unsubscribe.find() && tracker.unsubscribe(unsubscribe.group(1))) {
                return Handled.UNSUBSCRIBED;
            }
        }
        Optional<BounceRules.Bounce> bounce = BounceRules.read(from, subject, text);
        if (bounce.isEmpty()) {
            return Handled.NOTHING;
        }
        Optional<Long> outboxId = key.tokens().findVerp(text).or(() -> quotedMessageId(text));
        if (outboxId.isEmpty()) {
            return Handled.NOTHING;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> record(outboxId.get(), bounce.get())))
                ? Handled.BOUNCED
                : Handled.NOTHING;
    }

    private boolean record(long outboxId, BounceRules.Bounce bounce) {
        Optional<TrackingRepository.TrackedRow> row = repository.row(outboxId);
        if (row.isEmpty() || row.get().channel() != Channel.EMAIL) {
            return false;
        }
        boolean changed = repository.markBounced(outboxId, bounce.reason(), clock.instant());
        if (bounce.verdict() == BounceRules.Verdict.UNDELIVERABLE) {
            repository.markUndeliverable(
                    Channel.EMAIL, row.get().address(), bounce.reason(), bounce.statusCode(), outboxId);
        }
        return changed;
    }

    /** The row of a Message-ID the bounce quotes (the original's headers), skipping the bounce's own first. */
    private Optional<Long> quotedMessageId(String text) {
        Matcher matcher = MESSAGE_ID.matcher(text);
        while (matcher.find()) {
            Optional<Long> row = repository.rowByMessageId(matcher.group(1));
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private static String raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        byte[] bytes = out.toByteArray();
        return new String(bytes, 0, Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
    }

    private Properties properties() {
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.smtpTimeout().toMillis());
        for (String protocol : new String[] {"imap", "imaps"}) {
            properties.put("mail." + protocol + ".connectiontimeout", timeout);
            properties.put("mail." + protocol + ".timeout", timeout);
        }
        return properties;
    }
}

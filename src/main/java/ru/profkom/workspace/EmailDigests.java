package ru.profkom.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.accounts.ActingAccounts;
import ru.profkom.accounts.ActingAccounts.StaffAccount;
import ru.profkom.mail.MailOutbox;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.WorkItem;

/**
 * The daily e-mail digest: each person with a staff role and an address who has not switched it off gets
 * the letter of their open tasks, read as that person (so it lists nothing their own home would not), once a
 * Moscow day at most and only when a task is new since the last one. The letter goes through the mail outbox
 * in the same transaction as the record that it was sent.
 */
@Service
public class EmailDigests {

    private static final Logger log = LoggerFactory.getLogger(EmailDigests.class);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ActingAccounts actingAccounts;
    private final Workspace workspace;
    private final DigestRepository repository;
    private final MailOutbox mail;
    private final MessageSource messages;
    private final PublicAddress address;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EmailDigests(
            ActingAccounts actingAccounts,
            Workspace workspace,
            DigestRepository repository,
            MailOutbox mail,
            MessageSource messages,
            PublicAddress address,
            TransactionTemplate transactions,
            Clock clock) {
        this.actingAccounts = actingAccounts;
        this.workspace = workspace;
        this.repository = repository;
        this.mail = mail;
        this.messages = messages;
        this.address = address;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends the digests of the Moscow day; returns how many letters were queued. Safe to run again. */
    public int send(LocalDate day) {
        Set<Long> off = repository.switchedOff();
        Set<Long> done = repository.sentOn(day);
        int sent = 0;
        for (StaffAccount account : actingAccounts.staffWithEmail()) {
            if (off.contains(account.accountId()) || done.contains(account.accountId())) {
                continue;
            }
            try {
                if (sendTo(account, day)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // One person's failure must not stop the others' letters; the account id is not personal data.
                log.warn("Digest for account {} failed", account.accountId(), e);
            }
        }
        return sent;
    }

    private boolean sendTo(StaffAccount account, LocalDate day) {
        // The tasks are read as the person, outside a transaction: a source that refuses an organization would
        // otherwise mark it rollback-only.
        Optional<List<WorkItem>> open =
                actingAccounts.as(account.accountId(), () -> workspace.myTasks(Notifications.SHOWN));
        if (open.isEmpty() || open.get().isEmpty()) {
            return false;
        }
        List<WorkItem> tasks = open.get();
        Set<String> alreadySent = repository.alreadySent(account.accountId());
        Optional<DigestLetter> letter =
                DigestLetter.of(account.fullName(), day, tasks, alreadySent, this::label, address::link);
        if (letter.isEmpty()) {
            return false;
        }
        List<String> openKeys = tasks.stream().map(WorkItem::key).toList();
        List<String> newKeys = DigestLetter.newSince(tasks, alreadySent).stream()
                .map(WorkItem::key)
                .toList();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!repository.claim(account.accountId(), day, tasks.size(), clock.instant())) {
                return false;
            }
            mail.enqueue(account.email(), letter.get().subject(), letter.get().body());
            repository.rememberSent(account.accountId(), openKeys, newKeys, day);
            return true;
        }));
    }

    private String label(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, RUSSIAN);
    }
}

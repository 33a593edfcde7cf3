package ru.profkom.mail;

import static profkom.schema.Tables.MAIL_MESSAGE;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.tables.records.MailMessageRecord;
import ru.profkom.mail.OutgoingMail.MailStatus;
import ru.profkom.shared.ProfkomSettings;

/**
 * Sends pending messages over SMTP when a mail server is configured. Each message is claimed in
 * its own transaction with a row lock, so two nodes never send the same message.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final DSLContext dsl;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;

    MailDispatcher(
            DSLContext dsl,
            ObjectProvider<JavaMailSender> mailSender,
            TransactionTemplate transactions,
            Clock clock,
            ProfkomSettings settings) {
        this.dsl = dsl;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.clock = clock;
        this.from = settings.mail().from();
    }

    @Scheduled(fixedDelayString = ProfkomSettings.MAIL_POLL_INTERVAL)
    void dispatchPending() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (int i = 0; i < 100; i++) {
            Boolean sentOne = transactions.execute(status -> sendNext(sender));
            if (!Boolean.TRUE.equals(sentOne)) {
                return;
            }
        }
    }

    private boolean sendNext(JavaMailSender sender) {
        MailMessageRecord message = dsl.selectFrom(MAIL_MESSAGE)
                .where(MAIL_MESSAGE.STATUS.eq(MailStatus.PENDING.name()))
                .orderBy(MAIL_MESSAGE.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOne();
        if (message == null) {
            return false;
        }
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getBody(), false);
            sender.send(mime);
            message.setStatus(MailStatus.SENT.name());
            message.setSentAt(clock.instant());
        } catch (Exception e) {
            int attempts = message.getAttempts() + 1;
            message.setLastError(abbreviate(e.getMessage()));
            message.setStatus(
                    attempts >= MailOutbox.MAX_ATTEMPTS ? MailStatus.FAILED.name() : MailStatus.PENDING.name());
            // The recipient's address is personal data and stays out of the log.
            log.warn(
                    "Mail message {} could not be sent (attempt {}): {}",
                    message.getId(),
                    attempts,
                    e.getClass().getSimpleName());
        }
        message.setAttempts(message.getAttempts() + 1);
        message.store();
        return MailStatus.SENT.name().equals(message.getStatus());
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}

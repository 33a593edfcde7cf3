package ru.profkom.mail;

import static profkom.schema.Tables.MAIL_MESSAGE;

import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.mail.OutgoingMail.MailStatus;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** Queues e-mail inside the caller's transaction: a rolled-back change sends nothing. */
@Service
public class MailOutbox {

    static final int MAX_ATTEMPTS = 5;

    private final DSLContext dsl;
    private final Clock clock;

    MailOutbox(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(String recipient, String subject, String body) {
        return dsl.insertInto(MAIL_MESSAGE)
                .set(MAIL_MESSAGE.RECIPIENT, recipient)
                .set(MAIL_MESSAGE.SUBJECT, subject)
                .set(MAIL_MESSAGE.BODY, body)
                .set(MAIL_MESSAGE.STATUS, MailStatus.PENDING.name())
                .set(MAIL_MESSAGE.ATTEMPTS, 0)
                .set(MAIL_MESSAGE.CREATED_AT, clock.instant())
                .returning(MAIL_MESSAGE.ID)
                .fetchOne(MAIL_MESSAGE.ID);
    }

    /** The newest messages first; for the union administrator's outbox page and for tests. */
    @Transactional(readOnly = true)
    public Page<OutgoingMail> recent(PageRequest page) {
        List<OutgoingMail> items = dsl.selectFrom(MAIL_MESSAGE)
                .orderBy(MAIL_MESSAGE.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new OutgoingMail(
                        r.getId(),
                        r.getRecipient(),
                        r.getSubject(),
                        r.getBody(),
                        MailStatus.valueOf(r.getStatus()),
                        r.getAttempts(),
                        r.getLastError(),
                        r.getCreatedAt(),
                        r.getSentAt()));
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(MAIL_MESSAGE));
    }
}

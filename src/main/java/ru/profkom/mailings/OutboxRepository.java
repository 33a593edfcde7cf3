package ru.profkom.mailings;

import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_TEXT;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The mailing as the send job reads it, and the outbox rows it claims and settles. */
@Repository
class OutboxRepository {

    private final DSLContext dsl;

    OutboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the job needs of a mailing: its status, message and window. */
    record MailingToSend(
            long id,
            MailingStatus status,
            String title,
            String subject,
            String html,
            Map<Channel, String> texts,
            SendingWindow window) {}

    /** A claimed row and the values its placeholders are filled with. */
    record ClaimedRow(
            long id,
            Channel channel,
            String address,
            String recipientName,
            String recipientFullName,
            String organizationName,
            String cardNumber) {}

    Optional<MailingToSend> mailing(long mailingId) {
        return dsl.selectFrom(MAILING)
                .where(MAILING.ID.eq(mailingId))
                .fetchOptional()
                .map(row -> {
                    Map<Channel, String> texts = new EnumMap<>(Channel.class);
                    dsl.selectFrom(MAILING_TEXT)
                            .where(MAILING_TEXT.MAILING_ID.eq(mailingId))
                            .forEach(text -> texts.put(Channel.valueOf(text.getChannel()), text.getBody()));
                    return new MailingToSend(
                            row.getId(),
                            MailingStatus.valueOf(row.getStatus()),
                            row.getTitle(),
                            row.getSubject(),
                            row.getHtml(),
                            texts,
                            new SendingWindow(row.getWindowStart(), row.getWindowEnd()));
                });
    }

    /** The sender organization of a mailing, if it exists. */
    Optional<Long> organizationOf(long mailingId) {
        return dsl.select(MAILING.ORGANIZATION_ID)
                .from(MAILING)
                .where(MAILING.ID.eq(mailingId))
                .fetchOptional(MAILING.ORGANIZATION_ID);
    }

    /** Moves the mailing on only if it still stands where the caller saw it (a pause in between wins). */
    boolean changeStatus(long mailingId, MailingStatus from, MailingStatus to, Instant now) {
        return dsl.update(MAILING)
                        .set(MAILING.STATUS, to.name())
                        .set(MAILING.UPDATED_AT, now)
                        .set(MAILING.FINISHED_AT, to == MailingStatus.DONE ? now : null)
                        .where(MAILING.ID.eq(mailingId).and(MAILING.STATUS.eq(from.name())))
                        .execute()
                == 1;
    }

    /**
     * Rows still {@code SENDING} when a run of the mailing starts were claimed by a run that died (only one run
     * of a mailing is ever under way): whether they went out is not known.
     */
    int markInterrupted(long mailingId) {
        return dsl.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.STATUS, OutboxStatus.SENDING.afterRunDied().name())
                .set(MAILING_OUTBOX.ERROR, "Отправка прервалась: неизвестно, ушло ли сообщение")
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .and(MAILING_OUTBOX.STATUS.eq(OutboxStatus.SENDING.name()))
                .execute();
    }

    /** Takes up to {@code limit} queued rows as {@code SENDING}; the caller commits before handing them over. */
    List<ClaimedRow> claim(long mailingId, int limit, Instant now) {
        List<ClaimedRow> rows = dsl.select(
                        MAILING_OUTBOX.ID,
                        MAILING_OUTBOX.CHANNEL,
                        MAILING_OUTBOX.ADDRESS,
                        MAILING_OUTBOX.RECIPIENT_NAME,
                        MAILING_OUTBOX.RECIPIENT_FULL_NAME,
                        MAILING_OUTBOX.ORGANIZATION_NAME,
                        MAILING_OUTBOX.CARD_NUMBER)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .and(MAILING_OUTBOX.STATUS.eq(OutboxStatus.QUEUED.name()))
                .orderBy(MAILING_OUTBOX.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(row -> new ClaimedRow(
                        row.value1(),
                        Channel.valueOf(row.value2()),
                        row.value3(),
                        row.value4(),
                        row.value5(),
                        row.value6(),
                        row.value7()));
        if (!rows.isEmpty()) {
            dsl.update(MAILING_OUTBOX)
                    .set(MAILING_OUTBOX.STATUS, OutboxStatus.QUEUED.afterClaim().name())
                    .set(MAILING_OUTBOX.SENDING_AT, now)
                    .set(MAILING_OUTBOX.ATTEMPTS, MAILING_OUTBOX.ATTEMPTS.plus(1))
                    .where(MAILING_OUTBOX.ID.in(
                            rows.stream().map(ClaimedRow::id).toList()))
                    .execute();
        }
        return rows;
    }

    /**
     * What a row of a batch came to: its next status, the reason shown to staff (or null), and for a sent row the
     * peer's message id and the time.
     */
    record Settled(long outboxId, OutboxStatus to, String error, String providerId, Instant sentAt) {}

    Settled sent(long outboxId, String providerId, Instant now) {
        return new Settled(outboxId, OutboxStatus.SENDING.afterSent(), null, providerId, now);
    }

    Settled failed(long outboxId, String reason) {
        return settled(outboxId, OutboxStatus.SENDING.afterRefused(), reason);
    }

    Settled retryLater(long outboxId, String reason) {
        return settled(outboxId, OutboxStatus.SENDING.afterRetryLater(), reason);
    }

    Settled unknown(long outboxId, String reason) {
        return settled(outboxId, OutboxStatus.SENDING.afterRunDied(), reason);
    }

    private static Settled settled(long outboxId, OutboxStatus to, String reason) {
        return new Settled(outboxId, to, abbreviate(reason), null, null);
    }

    /**
     * The outcomes of a batch as one statement bound once per row (a JDBC batch): the SQL is made once, not once
     * per row. Only a row still {@code SENDING} changes.
     */
    void record(List<Settled> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.STATUS, (String) null)
                .set(MAILING_OUTBOX.ERROR, (String) null)
                .set(MAILING_OUTBOX.PROVIDER_ID, (String) null)
                .set(MAILING_OUTBOX.SENT_AT, (Instant) null)
                .where(MAILING_OUTBOX.ID.eq((Long) null))
                .and(MAILING_OUTBOX.STATUS.eq(DSL.inline(OutboxStatus.SENDING.name()))));
        for (Settled outcome : outcomes) {
            batch = batch.bind(
                    outcome.to().name(), outcome.error(), outcome.providerId(), outcome.sentAt(), outcome.outboxId());
        }
        batch.execute();
    }

    boolean hasQueued(long mailingId) {
        return dsl.fetchExists(
                MAILING_OUTBOX,
                MAILING_OUTBOX.MAILING_ID.eq(mailingId).and(MAILING_OUTBOX.STATUS.eq(OutboxStatus.QUEUED.name())));
    }

    /** Puts failed (and, when asked, unknown) rows back in the queue: the operator's explicit retry. */
    int resend(long mailingId, boolean includeUnknown) {
        List<String> from = includeUnknown
                ? List.of(OutboxStatus.FAILED.name(), OutboxStatus.UNKNOWN.name())
                : List.of(OutboxStatus.FAILED.name());
        return dsl.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.STATUS, OutboxStatus.FAILED.afterResend().name())
                .setNull(MAILING_OUTBOX.ERROR)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .and(MAILING_OUTBOX.STATUS.in(from))
                .execute();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}

package ru.profkom.mailings.channels;

import static profkom.schema.Tables.MAILING_OUTBOX;

import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.profkom.mailings.Channel;

/** Delivery receipts of a channel's peer recorded on the outbox row found by the peer's message id. */
@Repository
public class OutboxReceipts {

    private final DSLContext db;

    OutboxReceipts(DSLContext db) {
        this.db = db;
    }

    /** The first receipt counts; a repeated one changes nothing. Answers how many rows it marked. */
    public int delivered(Channel channel, String providerId, Instant at) {
        return db.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.DELIVERED_AT, at)
                .where(MAILING_OUTBOX.CHANNEL.eq(channel.name()))
                .and(MAILING_OUTBOX.PROVIDER_ID.eq(providerId))
                .and(MAILING_OUTBOX.DELIVERED_AT.isNull())
                .execute();
    }

    /** A final "not delivered" receipt: the peer's state is kept as the row's error for the operator. */
    public int undelivered(Channel channel, String providerId, String reason) {
        return db.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.ERROR, reason)
                .where(MAILING_OUTBOX.CHANNEL.eq(channel.name()))
                .and(MAILING_OUTBOX.PROVIDER_ID.eq(providerId))
                .and(MAILING_OUTBOX.DELIVERED_AT.isNull())
                .execute();
    }
}

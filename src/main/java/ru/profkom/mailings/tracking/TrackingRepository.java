package ru.profkom.mailings.tracking;

import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_SECRET;
import static profkom.schema.Tables.MAILING_UNDELIVERABLE;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.OutboxStatus;

/** What tracking writes on outbox rows (opens, clicks, unsubscribes, bounces), the undeliverable addresses and keys. */
@Repository
class TrackingRepository {

    private final DSLContext dsl;
    private final Clock clock;

    TrackingRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The row a token names, as tracking needs it. */
    record TrackedRow(
            long id,
            long mailingId,
            long personId,
            long organizationId,
            Channel channel,
            String address,
            OutboxStatus status,
            Instant sentAt,
            Instant unsubscribedAt) {}

    Optional<TrackedRow> row(long outboxId) {
        return dsl.select(
                        MAILING_OUTBOX.ID,
                        MAILING_OUTBOX.MAILING_ID,
                        MAILING_OUTBOX.PERSON_ID,
                        MAILING_OUTBOX.ORGANIZATION_ID,
                        MAILING_OUTBOX.CHANNEL,
                        MAILING_OUTBOX.ADDRESS,
                        MAILING_OUTBOX.STATUS,
                        MAILING_OUTBOX.SENT_AT,
                        MAILING_OUTBOX.UNSUBSCRIBED_AT)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .fetchOptional(row -> new TrackedRow(
                        row.value1(),
                        row.value2(),
                        row.value3(),
                        row.value4(),
                        Channel.valueOf(row.value5()),
                        row.value6(),
                        OutboxStatus.valueOf(row.value7()),
                        row.value8(),
                        row.value9()));
    }

    /** The row whose relay gave this message id (a bounce that quotes the original's Message-ID). */
    Optional<Long> rowByMessageId(String messageId) {
        return dsl.select(MAILING_OUTBOX.ID)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.CHANNEL.eq(Channel.EMAIL.name()))
                .and(MAILING_OUTBOX.PROVIDER_ID.eq(messageId))
                .limit(1)
                .fetchOptional(MAILING_OUTBOX.ID);
    }

    /** A person's open counts once as opened; a machine's only as a machine open. */
    void recordOpen(long outboxId, Instant at, boolean machine) {
        if (machine) {
            dsl.update(MAILING_OUTBOX)
                    .set(MAILING_OUTBOX.MACHINE_OPEN_COUNT, MAILING_OUTBOX.MACHINE_OPEN_COUNT.plus(1))
                    .set(MAILING_OUTBOX.MACHINE_OPEN, true)
                    .where(MAILING_OUTBOX.ID.eq(outboxId))
                    .execute();
            return;
        }
        dsl.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.OPEN_COUNT, MAILING_OUTBOX.OPEN_COUNT.plus(1))
                .set(MAILING_OUTBOX.OPENED_AT, DSL.coalesce(MAILING_OUTBOX.OPENED_AT, DSL.val(at)))
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .execute();
    }

    /** A person's click; it proves the message was opened even when its images were never loaded. */
    void recordClick(long outboxId, Instant at) {
        dsl.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.CLICK_COUNT, MAILING_OUTBOX.CLICK_COUNT.plus(1))
                .set(MAILING_OUTBOX.CLICKED_AT, DSL.coalesce(MAILING_OUTBOX.CLICKED_AT, DSL.val(at)))
                .set(MAILING_OUTBOX.OPENED_AT, DSL.coalesce(MAILING_OUTBOX.OPENED_AT, DSL.val(at)))
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .execute();
    }

    /** Whether this was the row's first unsubscribe (a second click of the link changes nothing). */
    boolean markUnsubscribed(long outboxId, Instant at) {
        return dsl.update(MAILING_OUTBOX)
                        .set(MAILING_OUTBOX.UNSUBSCRIBED_AT, at)
                        .where(MAILING_OUTBOX.ID.eq(outboxId))
                        .and(MAILING_OUTBOX.UNSUBSCRIBED_AT.isNull())
                        .execute()
                == 1;
    }

    /** A sent (or unknown) row that bounced becomes failed with the reason; a second bounce changes nothing. */
    boolean markBounced(long outboxId, String reason, Instant at) {
        return dsl.update(MAILING_OUTBOX)
                        .set(
                                MAILING_OUTBOX.STATUS,
                                OutboxStatus.SENT.afterBounce().name())
                        .set(MAILING_OUTBOX.ERROR, abbreviate(reason))
                        .set(MAILING_OUTBOX.BOUNCED_AT, at)
                        .where(MAILING_OUTBOX.ID.eq(outboxId))
                        .and(MAILING_OUTBOX.STATUS.in(OutboxStatus.SENT.name(), OutboxStatus.UNKNOWN.name()))
                        .and(MAILING_OUTBOX.BOUNCED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Marks the address undeliverable, or renews the reason when it was already. */
    void markUndeliverable(Channel channel, String address, String reason, String statusCode, long outboxId) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        int updated = dsl.update(MAILING_UNDELIVERABLE)
                .set(MAILING_UNDELIVERABLE.REASON, abbreviate(reason))
                .set(MAILING_UNDELIVERABLE.STATUS_CODE, statusCode)
                .set(MAILING_UNDELIVERABLE.OUTBOX_ID, outboxId)
                .set(MAILING_UNDELIVERABLE.MARKED_AT, now)
                .where(MAILING_UNDELIVERABLE.CHANNEL.eq(channel.name()))
                .and(MAILING_UNDELIVERABLE.ADDRESS.eq(key))
                .execute();
        if (updated == 0) {
            try {
                dsl.insertInto(MAILING_UNDELIVERABLE)
                        .set(MAILING_UNDELIVERABLE.CHANNEL, channel.name())
                        .set(MAILING_UNDELIVERABLE.ADDRESS, key)
                        .set(MAILING_UNDELIVERABLE.REASON, abbreviate(reason))
                        .set(MAILING_UNDELIVERABLE.STATUS_CODE, statusCode)
                        .set(MAILING_UNDELIVERABLE.OUTBOX_ID, outboxId)
                        .set(MAILING_UNDELIVERABLE.MARKED_AT, now)
                        .execute();
            } catch (DuplicateKeyException concurrent) {
                // another node marked it at the same moment: marked either way
            }
        }
    }

    /** The undeliverable ones among the addresses (lower-cased), with their reasons. */
    Map<String, String> undeliverable(Channel channel, Collection<String> addresses) {
        List<String> keys = addresses.stream()
                .map(address -> address.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return dsl.select(MAILING_UNDELIVERABLE.ADDRESS, MAILING_UNDELIVERABLE.REASON)
                .from(MAILING_UNDELIVERABLE)
                .where(MAILING_UNDELIVERABLE.CHANNEL.eq(channel.name()))
                .and(MAILING_UNDELIVERABLE.ADDRESS.in(keys))
                .fetchMap(MAILING_UNDELIVERABLE.ADDRESS, MAILING_UNDELIVERABLE.REASON);
    }

    Optional<String> secret(String name) {
        return dsl.select(MAILING_SECRET.SECRET)
                .from(MAILING_SECRET)
                .where(MAILING_SECRET.NAME.eq(name))
                .fetchOptional(MAILING_SECRET.SECRET);
    }

    void storeSecret(String name, String secret) {
        dsl.insertInto(MAILING_SECRET)
                .set(MAILING_SECRET.NAME, name)
                .set(MAILING_SECRET.SECRET, secret)
                .set(MAILING_SECRET.CREATED_AT, clock.instant())
                .execute();
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}

package ru.profkom.mailings.tracking;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_OUTBOX;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.OutboxStatus;
import ru.profkom.shared.PageRequest;

/** The mailing report: one grouped scan of a mailing's outbox rows (index {@code mailing_outbox_organization}). */
@Repository
class ReportRepository {

    private final DSLContext dsl;

    ReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Long> senderOf(long mailingId) {
        return dsl.select(MAILING.ORGANIZATION_ID)
                .from(MAILING)
                .where(MAILING.ID.eq(mailingId))
                .fetchOptional(MAILING.ORGANIZATION_ID);
    }

    DeliveryCounts totals(long mailingId) {
        return dsl.select(counts())
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .fetchOne(ReportRepository::toCounts);
    }

    Map<Channel, DeliveryCounts> byChannel(long mailingId) {
        Map<Channel, DeliveryCounts> counts = new EnumMap<>(Channel.class);
        dsl.select(counts())
                .select(MAILING_OUTBOX.CHANNEL)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .groupBy(MAILING_OUTBOX.CHANNEL)
                .forEach(row -> counts.put(Channel.valueOf(row.get(MAILING_OUTBOX.CHANNEL)), toCounts(row)));
        return counts;
    }

    /** A page of the organizations of a mailing's rows, those with the most rows first. */
    Map<Long, DeliveryCounts> byOrganization(long mailingId, PageRequest page) {
        Map<Long, DeliveryCounts> counts = new LinkedHashMap<>();
        dsl.select(counts())
                .select(MAILING_OUTBOX.ORGANIZATION_ID)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId))
                .groupBy(MAILING_OUTBOX.ORGANIZATION_ID)
                .orderBy(count().desc(), MAILING_OUTBOX.ORGANIZATION_ID)
                .limit(page.size())
                .offset((long) page.page() * page.size())
                .forEach(row -> counts.put(row.get(MAILING_OUTBOX.ORGANIZATION_ID), toCounts(row)));
        return counts;
    }

    long organizationCount(long mailingId) {
        return dsl.fetchCount(dsl.selectDistinct(MAILING_OUTBOX.ORGANIZATION_ID)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(mailingId)));
    }

    /** Counts of the rows of the given organizations in mailings sent from {@code from} (inclusive) to {@code to}. */
    Map<Long, DeliveryCounts> byOrganizationBetween(Collection<Long> organizationIds, Instant from, Instant to) {
        Map<Long, DeliveryCounts> counts = new LinkedHashMap<>();
        dsl.select(counts())
                .select(MAILING_OUTBOX.ORGANIZATION_ID)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.ORGANIZATION_ID.in(organizationIds))
                .and(MAILING_OUTBOX.QUEUED_AT.ge(from))
                .and(MAILING_OUTBOX.QUEUED_AT.lt(to))
                .groupBy(MAILING_OUTBOX.ORGANIZATION_ID)
                .forEach(row -> counts.put(row.get(MAILING_OUTBOX.ORGANIZATION_ID), toCounts(row)));
        return counts;
    }

    /** Mailings of the given senders with failed or unknown rows, newest first: the senders' tasks. */
    List<Record> withProblems(Collection<Long> senderIds, int limit) {
        Field<Integer> problems = count().as("problems");
        return dsl
                .select(MAILING.ID, MAILING.TITLE, MAILING.ORGANIZATION_ID, MAILING.UPDATED_AT, problems)
                .from(MAILING)
                .join(MAILING_OUTBOX)
                .on(MAILING_OUTBOX.MAILING_ID.eq(MAILING.ID))
                .where(MAILING.ORGANIZATION_ID.in(senderIds))
                .and(MAILING_OUTBOX.STATUS.in(OutboxStatus.FAILED.name(), OutboxStatus.UNKNOWN.name()))
                .groupBy(MAILING.ID, MAILING.TITLE, MAILING.ORGANIZATION_ID, MAILING.UPDATED_AT)
                .orderBy(MAILING.UPDATED_AT.desc(), MAILING.ID.desc())
                .limit(limit)
                .fetch()
                .stream()
                .map(row -> (Record) row)
                .toList();
    }

    private static final Condition DELIVERED = MAILING_OUTBOX
            .STATUS
            .eq(OutboxStatus.SENT.name())
            .and(MAILING_OUTBOX.CHANNEL.ne(Channel.SMS.name()).or(MAILING_OUTBOX.DELIVERED_AT.isNotNull()));
    private static final Condition UNCONFIRMED = MAILING_OUTBOX
            .STATUS
            .eq(OutboxStatus.SENT.name())
            .and(MAILING_OUTBOX.CHANNEL.eq(Channel.SMS.name()))
            .and(MAILING_OUTBOX.DELIVERED_AT.isNull());

    private static List<SelectField<?>> counts() {
        return List.of(
                count().as("total"),
                rows(MAILING_OUTBOX.STATUS.in(OutboxStatus.QUEUED.name(), OutboxStatus.SENDING.name()), "pending"),
                rows(DELIVERED, "delivered"),
                rows(UNCONFIRMED, "unconfirmed"),
                rows(MAILING_OUTBOX.OPENED_AT.isNotNull(), "opened"),
                rows(MAILING_OUTBOX.OPENED_AT.isNull().and(MAILING_OUTBOX.MACHINE_OPEN.isTrue()), "machine_only"),
                rows(MAILING_OUTBOX.CLICKED_AT.isNotNull(), "clicked"),
                rows(MAILING_OUTBOX.UNSUBSCRIBED_AT.isNotNull(), "unsubscribed"),
                rows(MAILING_OUTBOX.BOUNCED_AT.isNotNull(), "bounced"),
                rows(MAILING_OUTBOX.STATUS.eq(OutboxStatus.FAILED.name()), "failed"),
                rows(MAILING_OUTBOX.STATUS.eq(OutboxStatus.UNKNOWN.name()), "unknown"));
    }

    private static Field<BigDecimal> rows(Condition condition, String name) {
        return sum(when(condition, 1).otherwise(0)).as(name);
    }

    private static DeliveryCounts toCounts(Record row) {
        return new DeliveryCounts(
                number(row, "total"),
                number(row, "pending"),
                number(row, "delivered"),
                number(row, "unconfirmed"),
                number(row, "opened"),
                number(row, "machine_only"),
                number(row, "clicked"),
                number(row, "unsubscribed"),
                number(row, "bounced"),
                number(row, "failed"),
                number(row, "unknown"));
    }

    private static long number(Record row, String name) {
        Object value = row.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }
}

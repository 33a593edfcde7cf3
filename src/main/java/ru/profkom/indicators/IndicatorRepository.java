package ru.profkom.indicators;

import static profkom.schema.Tables.INDICATOR_CHANNEL;
import static profkom.schema.Tables.INDICATOR_ENTRY;
import static profkom.schema.Tables.INFO_REPORT;
import static profkom.schema.Tables.RATING_WEIGHT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.IndicatorChannelRecord;
import profkom.schema.tables.records.IndicatorEntryRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@Repository
class IndicatorRepository {

    private final DSLContext dsl;

    IndicatorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static LocalDate day(YearMonth period) {
        return period.atDay(1);
    }

    /** An entry with the time it was saved. */
    record StoredEntry(IndicatorEntry entry, Instant updatedAt) {}

    Map<Long, StoredEntry> entries(Collection<Long> organizationIds, YearMonth period) {
        return dsl
                .selectFrom(INDICATOR_ENTRY)
                .where(INDICATOR_ENTRY.ORGANIZATION_ID.in(organizationIds))
                .and(INDICATOR_ENTRY.PERIOD.eq(day(period)))
                .fetch()
                .stream()
                .collect(Collectors.toMap(IndicatorEntryRecord::getOrganizationId, IndicatorRepository::stored));
    }

    Optional<StoredEntry> entry(long organizationId, YearMonth period) {
        return entries(List.of(organizationId), period).values().stream().findFirst();
    }

    private static StoredEntry stored(IndicatorEntryRecord record) {
        return new StoredEntry(
                new IndicatorEntry(
                        record.getBudget(),
                        record.getInfoSpending(),
                        record.getStands(),
                        record.getStandsUpdatedOn(),
                        record.getPeriodicalSubscriptions(),
                        record.getTrainedInfoWorkers()),
                record.getUpdatedAt());
    }

    void saveEntry(long organizationId, YearMonth period, IndicatorEntry entry, Instant at, Long accountId) {
        int updated = dsl.update(INDICATOR_ENTRY)
                .set(INDICATOR_ENTRY.BUDGET, entry.budget())
                .set(INDICATOR_ENTRY.INFO_SPENDING, entry.infoSpending())
                .set(INDICATOR_ENTRY.STANDS, entry.stands())
                .set(INDICATOR_ENTRY.STANDS_UPDATED_ON, entry.standsUpdatedOn())
                .set(INDICATOR_ENTRY.PERIODICAL_SUBSCRIPTIONS, entry.periodicalSubscriptions())
                .set(INDICATOR_ENTRY.TRAINED_INFO_WORKERS, entry.trainedInfoWorkers())
                .set(INDICATOR_ENTRY.UPDATED_AT, at)
                .set(INDICATOR_ENTRY.UPDATED_BY, accountId)
                .where(INDICATOR_ENTRY.ORGANIZATION_ID.eq(organizationId))
                .and(INDICATOR_ENTRY.PERIOD.eq(day(period)))
                .execute();
        if (updated == 0) {
            dsl.insertInto(INDICATOR_ENTRY)
                    .set(INDICATOR_ENTRY.ORGANIZATION_ID, organizationId)
                    .set(INDICATOR_ENTRY.PERIOD, day(period))
                    .set(INDICATOR_ENTRY.BUDGET, entry.budget())
                    .set(INDICATOR_ENTRY.INFO_SPENDING, entry.infoSpending())
                    .set(INDICATOR_ENTRY.STANDS, entry.stands())
                    .set(INDICATOR_ENTRY.STANDS_UPDATED_ON, entry.standsUpdatedOn())
                    .set(INDICATOR_ENTRY.PERIODICAL_SUBSCRIPTIONS, entry.periodicalSubscriptions())
                    .set(INDICATOR_ENTRY.TRAINED_INFO_WORKERS, entry.trainedInfoWorkers())
                    .set(INDICATOR_ENTRY.UPDATED_AT, at)
                    .set(INDICATOR_ENTRY.UPDATED_BY, accountId)
                    .execute();
        }
    }

    // ---- channels ---------------------------------------------------------------------------

    Map<Long, List<Channel>> channels(Collection<Long> organizationIds, YearMonth period) {
        return dsl
                .selectFrom(INDICATOR_CHANNEL)
                .where(INDICATOR_CHANNEL.ORGANIZATION_ID.in(organizationIds))
                .and(INDICATOR_CHANNEL.PERIOD.eq(day(period)))
                .orderBy(INDICATOR_CHANNEL.ID)
                .fetch()
                .stream()
                .map(IndicatorRepository::channel)
                .collect(Collectors.groupingBy(Channel::organizationId));
    }

    Page<Channel> channels(long organizationId, YearMonth period, Channel.Kind kind, PageRequest page) {
        Condition condition =
                INDICATOR_CHANNEL.ORGANIZATION_ID.eq(organizationId).and(INDICATOR_CHANNEL.PERIOD.eq(day(period)));
        if (kind != null) {
            condition = condition.and(INDICATOR_CHANNEL.KIND.eq(kind.name()));
        }
        List<Channel> items = dsl.selectFrom(INDICATOR_CHANNEL)
                .where(condition)
                .orderBy(INDICATOR_CHANNEL.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch()
                .map(IndicatorRepository::channel);
        int total = dsl.fetchCount(INDICATOR_CHANNEL, condition);
        return new Page<>(items, page.page(), page.size(), total);
    }

    int channelCount(long organizationId, YearMonth period) {
        return dsl.fetchCount(
                INDICATOR_CHANNEL,
                INDICATOR_CHANNEL.ORGANIZATION_ID.eq(organizationId).and(INDICATOR_CHANNEL.PERIOD.eq(day(period))));
    }

    Optional<Channel> channel(long channelId) {
        return dsl.selectFrom(INDICATOR_CHANNEL)
                .where(INDICATOR_CHANNEL.ID.eq(channelId))
                .fetchOptional()
                .map(IndicatorRepository::channel);
    }

    Optional<YearMonth> periodOfChannel(long channelId) {
        return dsl.select(INDICATOR_CHANNEL.PERIOD)
                .from(INDICATOR_CHANNEL)
                .where(INDICATOR_CHANNEL.ID.eq(channelId))
                .fetchOptional(INDICATOR_CHANNEL.PERIOD)
                .map(YearMonth::from);
    }

    Channel addChannel(long organizationId, YearMonth period, Channel.Kind kind, String address, int subscribers) {
        long id = dsl.insertInto(INDICATOR_CHANNEL)
                .set(INDICATOR_CHANNEL.ORGANIZATION_ID, organizationId)
                .set(INDICATOR_CHANNEL.PERIOD, day(period))
                .set(INDICATOR_CHANNEL.KIND, kind.name())
                .set(INDICATOR_CHANNEL.ADDRESS, address)
                .set(INDICATOR_CHANNEL.SUBSCRIBERS, subscribers)
                .returning(INDICATOR_CHANNEL.ID)
                .fetchOne()
                .getId();
        return new Channel(id, organizationId, kind, address, subscribers);
    }

    void removeChannel(long channelId) {
        dsl.deleteFrom(INDICATOR_CHANNEL)
                .where(INDICATOR_CHANNEL.ID.eq(channelId))
                .execute();
    }

    private static Channel channel(IndicatorChannelRecord record) {
        return new Channel(
                record.getId(),
                record.getOrganizationId(),
                Channel.Kind.valueOf(record.getKind()),
                record.getAddress(),
                record.getSubscribers());
    }

    // ---- rating weights ---------------------------------------------------------------------

    /** The weights stored by each of the given organizations that has any. */
    Map<Long, Map<String, Integer>> weights(Collection<Long> organizationIds) {
        Map<Long, Map<String, Integer>> weights = new LinkedHashMap<>();
        dsl.selectFrom(RATING_WEIGHT)
                .where(RATING_WEIGHT.ORGANIZATION_ID.in(organizationIds))
                .orderBy(RATING_WEIGHT.INDICATOR_CODE)
                .forEach(record -> weights.computeIfAbsent(record.getOrganizationId(), id -> new LinkedHashMap<>())
                        .put(record.getIndicatorCode(), record.getWeight()));
        return weights;
    }

    void replaceWeights(long organizationId, Map<String, Integer> weights, Instant at) {
        dsl.deleteFrom(RATING_WEIGHT)
                .where(RATING_WEIGHT.ORGANIZATION_ID.eq(organizationId))
                .execute();
        var insert = dsl.insertInto(
                RATING_WEIGHT,
                RATING_WEIGHT.ORGANIZATION_ID,
                RATING_WEIGHT.INDICATOR_CODE,
                RATING_WEIGHT.WEIGHT,
                RATING_WEIGHT.UPDATED_AT);
        weights.forEach((code, weight) -> insert.values(organizationId, code, weight, at));
        insert.execute();
    }

    // ---- monthly reports --------------------------------------------------------------------

    Optional<Instant> reportSentAt(long organizationId, YearMonth period) {
        return dsl.select(INFO_REPORT.SENT_AT)
                .from(INFO_REPORT)
                .where(INFO_REPORT.ORGANIZATION_ID.eq(organizationId))
                .and(INFO_REPORT.PERIOD.eq(day(period)))
                .fetchOptional(INFO_REPORT.SENT_AT);
    }

    Map<Long, Instant> reportsSent(Collection<Long> organizationIds, YearMonth period) {
        return dsl.select(INFO_REPORT.ORGANIZATION_ID, INFO_REPORT.SENT_AT)
                .from(INFO_REPORT)
                .where(INFO_REPORT.ORGANIZATION_ID.in(organizationIds))
                .and(INFO_REPORT.PERIOD.eq(day(period)))
                .fetchMap(INFO_REPORT.ORGANIZATION_ID, INFO_REPORT.SENT_AT);
    }

    void markReportSent(long organizationId, YearMonth period, Long parentId, Instant at, Long accountId) {
        int updated = dsl.update(INFO_REPORT)
                .set(INFO_REPORT.SENT_AT, at)
                .set(INFO_REPORT.SENT_BY, accountId)
                .set(INFO_REPORT.PARENT_ID, parentId)
                .where(INFO_REPORT.ORGANIZATION_ID.eq(organizationId))
                .and(INFO_REPORT.PERIOD.eq(day(period)))
                .execute();
        if (updated == 0) {
            dsl.insertInto(INFO_REPORT)
                    .set(INFO_REPORT.ORGANIZATION_ID, organizationId)
                    .set(INFO_REPORT.PERIOD, day(period))
                    .set(INFO_REPORT.PARENT_ID, parentId)
                    .set(INFO_REPORT.SENT_AT, at)
                    .set(INFO_REPORT.SENT_BY, accountId)
                    .execute();
        }
    }
}

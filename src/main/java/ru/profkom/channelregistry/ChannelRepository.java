package ru.profkom.channelregistry;

import static profkom.schema.Tables.REGISTRY_CHANNEL;
import static profkom.schema.Tables.REGISTRY_CHANNEL_READING;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.RegistryChannelRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.RussianText;

/** The registry's channels and their daily readings: the only place with SQL for them. */
@Repository
class ChannelRepository {

    private final DSLContext dsl;

    ChannelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long organizationId, String path, ChannelForm form, Instant now) {
        return dsl.insertInto(REGISTRY_CHANNEL)
                .set(REGISTRY_CHANNEL.ORGANIZATION_ID, organizationId)
                .set(REGISTRY_CHANNEL.ORGANIZATION_PATH, path)
                .set(REGISTRY_CHANNEL.KIND, form.kind().name())
                .set(REGISTRY_CHANNEL.ADDRESS, form.address())
                .set(REGISTRY_CHANNEL.NAME, form.name())
                .set(REGISTRY_CHANNEL.SORT_NAME, RussianText.foldedKey(form.name()))
                .set(REGISTRY_CHANNEL.API_TARGET, form.apiTarget())
                .set(REGISTRY_CHANNEL.CONNECTED, form.connected())
                .set(REGISTRY_CHANNEL.CREATED_AT, now)
                .set(REGISTRY_CHANNEL.UPDATED_AT, now)
                .returning(REGISTRY_CHANNEL.ID)
                .fetchOne(REGISTRY_CHANNEL.ID);
    }

    void update(long id, ChannelForm form, Instant now) {
        dsl.update(REGISTRY_CHANNEL)
                .set(REGISTRY_CHANNEL.KIND, form.kind().name())
                .set(REGISTRY_CHANNEL.ADDRESS, form.address())
                .set(REGISTRY_CHANNEL.NAME, form.name())
                .set(REGISTRY_CHANNEL.SORT_NAME, RussianText.foldedKey(form.name()))
                .set(REGISTRY_CHANNEL.API_TARGET, form.apiTarget())
                .set(REGISTRY_CHANNEL.CONNECTED, form.connected())
                .set(REGISTRY_CHANNEL.UPDATED_AT, now)
                .where(REGISTRY_CHANNEL.ID.eq(id))
                .execute();
    }

    void setArchived(long id, Instant archivedAt, Instant now) {
        dsl.update(REGISTRY_CHANNEL)
                .set(REGISTRY_CHANNEL.ARCHIVED_AT, archivedAt)
                .set(REGISTRY_CHANNEL.UPDATED_AT, now)
                .where(REGISTRY_CHANNEL.ID.eq(id))
                .execute();
    }

    Optional<RegisteredChannel> find(long id) {
        return dsl.selectFrom(REGISTRY_CHANNEL)
                .where(REGISTRY_CHANNEL.ID.eq(id))
                .fetchOptional()
                .map(ChannelRepository::channel);
    }

    Page<RegisteredChannel> page(long organizationId, String path, ChannelFilter filter, PageRequest page) {
        Condition condition = condition(organizationId, path, filter);
        List<RegisteredChannel> items = dsl.selectFrom(REGISTRY_CHANNEL)
                .where(condition)
                .orderBy(REGISTRY_CHANNEL.ORGANIZATION_PATH, REGISTRY_CHANNEL.SORT_NAME, REGISTRY_CHANNEL.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(ChannelRepository::channel);
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(REGISTRY_CHANNEL, condition));
    }

    private static Condition condition(long organizationId, String path, ChannelFilter filter) {
        Condition condition = filter.subtree()
                ? REGISTRY_CHANNEL.ORGANIZATION_PATH.startsWith(path)
                : REGISTRY_CHANNEL.ORGANIZATION_ID.eq(organizationId);
        if (!filter.archived()) {
            condition = condition.and(REGISTRY_CHANNEL.ARCHIVED_AT.isNull());
        }
        if (filter.kind() != null) {
            condition = condition.and(REGISTRY_CHANNEL.KIND.eq(filter.kind().name()));
        }
        if (!filter.query().isEmpty()) {
            String folded = RussianText.foldedKey(filter.query());
            condition = condition.and(REGISTRY_CHANNEL
                    .SORT_NAME
                    .contains(folded)
                    .or(DSL.lower(REGISTRY_CHANNEL.ADDRESS).contains(folded)));
        }
        if (filter.warningOnly()) {
            condition = condition.and(REGISTRY_CHANNEL.SUBSCRIBERS.ge(RoskomnadzorRule.WARNING_AT));
        }
        return condition;
    }

    /** The connected channels the daily job reads, a page at a time in id order. */
    List<RegisteredChannel> connectedAfter(long afterId, int limit) {
        return dsl.selectFrom(REGISTRY_CHANNEL)
                .where(REGISTRY_CHANNEL.CONNECTED.isTrue())
                .and(REGISTRY_CHANNEL.ARCHIVED_AT.isNull())
                .and(REGISTRY_CHANNEL.ID.gt(afterId))
                .orderBy(REGISTRY_CHANNEL.ID)
                .limit(limit)
                .fetch(ChannelRepository::channel);
    }

    /** Stores the day's reading (replacing one of the same day) and makes it the channel's latest if it is. */
    void record(long channelId, LocalDate date, int subscribers, ReadingSource source) {
        dsl.insertInto(REGISTRY_CHANNEL_READING)
                .set(REGISTRY_CHANNEL_READING.CHANNEL_ID, channelId)
                .set(REGISTRY_CHANNEL_READING.READING_DATE, date)
                .set(REGISTRY_CHANNEL_READING.SUBSCRIBERS, subscribers)
                .set(REGISTRY_CHANNEL_READING.SOURCE, source.name())
                .onConflict(REGISTRY_CHANNEL_READING.CHANNEL_ID, REGISTRY_CHANNEL_READING.READING_DATE)
                .doUpdate()
                .set(REGISTRY_CHANNEL_READING.SUBSCRIBERS, subscribers)
                .set(REGISTRY_CHANNEL_READING.SOURCE, source.name())
                .execute();
        dsl.update(REGISTRY_CHANNEL)
                .set(REGISTRY_CHANNEL.SUBSCRIBERS, subscribers)
                .set(REGISTRY_CHANNEL.COUNTED_ON, date)
                .where(REGISTRY_CHANNEL.ID.eq(channelId))
                .and(REGISTRY_CHANNEL.COUNTED_ON.isNull().or(REGISTRY_CHANNEL.COUNTED_ON.le(date)))
                .execute();
    }

    void markRead(long channelId, ReadStatus status, String error, Instant at) {
        dsl.update(REGISTRY_CHANNEL)
                .set(REGISTRY_CHANNEL.READ_STATUS, status.name())
                .set(REGISTRY_CHANNEL.READ_ERROR, error == null ? null : truncate(error, 300))
                .set(REGISTRY_CHANNEL.READ_AT, at)
                .where(REGISTRY_CHANNEL.ID.eq(channelId))
                .execute();
    }

    List<ChannelReading> readings(long channelId, LocalDate from, LocalDate to) {
        return dsl.selectFrom(REGISTRY_CHANNEL_READING)
                .where(REGISTRY_CHANNEL_READING.CHANNEL_ID.eq(channelId))
                .and(REGISTRY_CHANNEL_READING.READING_DATE.between(from, to))
                .orderBy(REGISTRY_CHANNEL_READING.READING_DATE)
                .fetch(r -> new ChannelReading(
                        r.getChannelId(),
                        r.getReadingDate(),
                        r.getSubscribers(),
                        ReadingSource.valueOf(r.getSource())));
    }

    /**
     * Each of the organization's channels open on {@code asOf} with its latest reading up to that day; a channel
     * without one is left out.
     */
    List<LatestCount> latestCounts(long organizationId, LocalDate asOf, Instant endOfDay) {
        var latest = REGISTRY_CHANNEL_READING.as("latest");
        var later = REGISTRY_CHANNEL_READING.as("later");
        return dsl.select(
                        REGISTRY_CHANNEL.ID,
                        REGISTRY_CHANNEL.KIND,
                        REGISTRY_CHANNEL.ADDRESS,
                        REGISTRY_CHANNEL.NAME,
                        latest.SUBSCRIBERS)
                .from(REGISTRY_CHANNEL)
                .join(latest)
                .on(latest.CHANNEL_ID.eq(REGISTRY_CHANNEL.ID))
                .where(REGISTRY_CHANNEL.ORGANIZATION_ID.eq(organizationId))
                .and(REGISTRY_CHANNEL.ARCHIVED_AT.isNull().or(REGISTRY_CHANNEL.ARCHIVED_AT.gt(endOfDay)))
                .and(latest.READING_DATE.le(asOf))
                .andNotExists(dsl.selectOne()
                        .from(later)
                        .where(later.CHANNEL_ID.eq(latest.CHANNEL_ID))
                        .and(later.READING_DATE.gt(latest.READING_DATE))
                        .and(later.READING_DATE.le(asOf)))
                .orderBy(REGISTRY_CHANNEL.SORT_NAME, REGISTRY_CHANNEL.ID)
                .fetch(r -> new LatestCount(
                        r.get(REGISTRY_CHANNEL.ID),
                        ChannelKind.valueOf(r.get(REGISTRY_CHANNEL.KIND)),
                        r.get(REGISTRY_CHANNEL.ADDRESS),
                        r.get(REGISTRY_CHANNEL.NAME),
                        r.get(latest.SUBSCRIBERS)));
    }

    /**
     * The organization's total subscribers on each day from {@code from} to {@code to} that has a reading: each of
     * its channels counts with its latest reading up to that day (so a channel entered by hand once a month still
     * counts between its readings).
     */
    List<DailyTotal> totals(long organizationId, LocalDate from, LocalDate to) {
        List<Long> channels = dsl.select(REGISTRY_CHANNEL.ID)
                .from(REGISTRY_CHANNEL)
                .where(REGISTRY_CHANNEL.ORGANIZATION_ID.eq(organizationId))
                .and(REGISTRY_CHANNEL.ARCHIVED_AT.isNull())
                .fetch(REGISTRY_CHANNEL.ID);
        if (channels.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> current = new HashMap<>();
        var before = REGISTRY_CHANNEL_READING.as("before");
        var later = REGISTRY_CHANNEL_READING.as("later");
        dsl.select(before.CHANNEL_ID, before.SUBSCRIBERS)
                .from(before)
                .where(before.CHANNEL_ID.in(channels))
                .and(before.READING_DATE.lt(from))
                .andNotExists(dsl.selectOne()
                        .from(later)
                        .where(later.CHANNEL_ID.eq(before.CHANNEL_ID))
                        .and(later.READING_DATE.gt(before.READING_DATE))
                        .and(later.READING_DATE.lt(from)))
                .forEach(r -> current.put(r.value1(), r.value2()));
        TreeMap<LocalDate, Map<Long, Integer>> byDay = new TreeMap<>();
        dsl.selectFrom(REGISTRY_CHANNEL_READING)
                .where(REGISTRY_CHANNEL_READING.CHANNEL_ID.in(channels))
                .and(REGISTRY_CHANNEL_READING.READING_DATE.between(from, to))
                .forEach(r -> byDay.computeIfAbsent(r.getReadingDate(), day -> new HashMap<>())
                        .put(r.getChannelId(), r.getSubscribers()));
        List<DailyTotal> totals = new ArrayList<>();
        byDay.forEach((day, readings) -> {
            current.putAll(readings);
            totals.add(new DailyTotal(
                    day, current.values().stream().mapToLong(Integer::longValue).sum()));
        });
        return totals;
    }

    /** The first day of the channel's latest stretch of readings above {@code threshold}, if it is above now. */
    Optional<LocalDate> passedOn(long channelId, int threshold) {
        var over = REGISTRY_CHANNEL_READING.as("over");
        var below = REGISTRY_CHANNEL_READING.as("below");
        return Optional.ofNullable(dsl.select(DSL.min(over.READING_DATE))
                .from(over)
                .where(over.CHANNEL_ID.eq(channelId))
                .and(over.SUBSCRIBERS.gt(threshold))
                .andNotExists(dsl.selectOne()
                        .from(below)
                        .where(below.CHANNEL_ID.eq(over.CHANNEL_ID))
                        .and(below.READING_DATE.gt(over.READING_DATE))
                        .and(below.SUBSCRIBERS.le(threshold)))
                .fetchOne(0, LocalDate.class));
    }

    void movePaths(String oldPath, String newPath) {
        dsl.update(REGISTRY_CHANNEL)
                .set(
                        REGISTRY_CHANNEL.ORGANIZATION_PATH,
                        DSL.concat(
                                DSL.val(newPath),
                                DSL.substring(REGISTRY_CHANNEL.ORGANIZATION_PATH, oldPath.length() + 1)))
                .where(REGISTRY_CHANNEL.ORGANIZATION_PATH.startsWith(oldPath))
                .execute();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static RegisteredChannel channel(RegistryChannelRecord r) {
        return new RegisteredChannel(
                r.getId(),
                r.getOrganizationId(),
                r.getOrganizationPath(),
                ChannelKind.valueOf(r.getKind()),
                r.getAddress(),
                r.getName(),
                r.getApiTarget(),
                r.getConnected(),
                r.getSubscribers(),
                r.getCountedOn(),
                r.getReadStatus() == null ? null : ReadStatus.valueOf(r.getReadStatus()),
                r.getReadError(),
                r.getReadAt(),
                r.getArchivedAt());
    }
}

package ru.profkom.statistics;

import static profkom.schema.Tables.STAT_DAY;
import static profkom.schema.Tables.STAT_MONTH;
import static profkom.schema.Tables.STAT_ORGANIZATION;
import static profkom.schema.Tables.STAT_RECOUNT_DAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.shared.TreePaths;

/** The statistics' counters and their copy of the tree; every statement is plain jOOQ for H2 and PostgreSQL. */
@Repository
class StatisticsRepository {

    private static final int BATCH = 5_000;

    private final DSLContext dsl;

    StatisticsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record OrganizationRow(long id, Long parentId, int depth, String path, long headcount, long subtreeHeadcount) {}

    // ---- the tree's copy ------------------------------------------------------------------

    Optional<String> path(long organizationId) {
        return dsl.select(STAT_ORGANIZATION.PATH)
                .from(STAT_ORGANIZATION)
                .where(STAT_ORGANIZATION.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(STAT_ORGANIZATION.PATH);
    }

    /**
     * Locks the rows of organizations, from the root down, until the transaction ends: a subtree move
     * locks its organization first, so counters written under an old path cannot slip past a move.
     */
    void lock(List<Long> ids) {
        dsl.select(STAT_ORGANIZATION.ORGANIZATION_ID)
                .from(STAT_ORGANIZATION)
                .where(STAT_ORGANIZATION.ORGANIZATION_ID.in(ids))
                .orderBy(STAT_ORGANIZATION.DEPTH)
                .forUpdate()
                .fetch();
    }

    boolean hasOrganizations() {
        return dsl.fetchExists(STAT_ORGANIZATION);
    }

    /** Inserts an organization unless it is known; true when inserted. */
    boolean insertOrganization(long id, String path, long headcount) {
        List<Long> ids = StatisticsService.idsOf(path);
        Long parent = ids.size() > 1 ? ids.get(ids.size() - 2) : null;
        try {
            return insertOrganization(id, path, headcount, parent, ids.size() - 1);
        } catch (org.springframework.dao.DuplicateKeyException alreadyInserted) {
            // H2 emulates "on conflict do nothing" with a MERGE that a concurrent insert can beat.
            return false;
        }
    }

    private boolean insertOrganization(long id, String path, long headcount, Long parent, int depth) {
        return dsl.insertInto(STAT_ORGANIZATION)
                        .set(STAT_ORGANIZATION.ORGANIZATION_ID, id)
                        .set(STAT_ORGANIZATION.PARENT_ID, parent)
                        .set(STAT_ORGANIZATION.DEPTH, depth)
                        .set(STAT_ORGANIZATION.PATH, path)
                        .set(STAT_ORGANIZATION.HEADCOUNT, headcount)
                        .set(STAT_ORGANIZATION.SUBTREE_HEADCOUNT, headcount)
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    void setHeadcount(long id, long headcount) {
        dsl.update(STAT_ORGANIZATION)
                .set(STAT_ORGANIZATION.HEADCOUNT, headcount)
                .where(STAT_ORGANIZATION.ORGANIZATION_ID.eq(id))
                .execute();
    }

    /** Recomputes the subtree headcount of each organization from the headcounts of its subtree. */
    void refreshSubtreeHeadcounts(Collection<Long> ids) {
        var inner = STAT_ORGANIZATION.as("inner_org");
        for (Long id : ids) {
            Optional<String> path = path(id);
            if (path.isEmpty()) {
                continue;
            }
            dsl.update(STAT_ORGANIZATION)
                    .set(
                            STAT_ORGANIZATION.SUBTREE_HEADCOUNT,
                            DSL.select(DSL.coalesce(DSL.sum(inner.HEADCOUNT), DSL.inline(java.math.BigDecimal.ZERO))
                                            .cast(Long.class))
                                    .from(inner)
                                    .where(TreePaths.within(inner.PATH, path.get())))
                    .where(STAT_ORGANIZATION.ORGANIZATION_ID.eq(id))
                    .execute();
        }
    }

    Map<Long, Long> subtreeHeadcounts(Collection<Long> ids) {
        return dsl.select(STAT_ORGANIZATION.ORGANIZATION_ID, STAT_ORGANIZATION.SUBTREE_HEADCOUNT)
                .from(STAT_ORGANIZATION)
                .where(STAT_ORGANIZATION.ORGANIZATION_ID.in(ids))
                .fetchMap(STAT_ORGANIZATION.ORGANIZATION_ID, STAT_ORGANIZATION.SUBTREE_HEADCOUNT);
    }

    /** Rewrites the paths (and depths) of a subtree that moved. */
    void repath(String oldPath, String newPath) {
        int depthChange = StatisticsService.idsOf(newPath).size()
                - StatisticsService.idsOf(oldPath).size();
        long movedId = StatisticsService.idsOf(oldPath).getLast();
        List<Long> newIds = StatisticsService.idsOf(newPath);
        dsl.update(STAT_ORGANIZATION)
                .set(STAT_ORGANIZATION.PATH, TreePaths.moved(STAT_ORGANIZATION.PATH, oldPath, newPath))
                .set(STAT_ORGANIZATION.DEPTH, STAT_ORGANIZATION.DEPTH.plus(depthChange))
                .where(TreePaths.within(STAT_ORGANIZATION.PATH, oldPath))
                .execute();
        dsl.update(STAT_ORGANIZATION)
                .set(STAT_ORGANIZATION.PARENT_ID, newIds.size() > 1 ? newIds.get(newIds.size() - 2) : null)
                .where(STAT_ORGANIZATION.ORGANIZATION_ID.eq(movedId))
                .execute();
    }

    Map<Long, OrganizationRow> organizations() {
        Map<Long, OrganizationRow> rows = new HashMap<>();
        dsl.selectFrom(STAT_ORGANIZATION)
                .fetchSize(10_000)
                .forEach(r -> rows.put(
                        r.getOrganizationId(),
                        new OrganizationRow(
                                r.getOrganizationId(),
                                r.getParentId(),
                                r.getDepth(),
                                r.getPath(),
                                r.getHeadcount(),
                                r.getSubtreeHeadcount())));
        return rows;
    }

    void replaceOrganizations(Collection<OrganizationRow> rows) {
        dsl.deleteFrom(STAT_ORGANIZATION).execute();
        List<Query> batch = new ArrayList<>();
        for (OrganizationRow row : rows) {
            batch.add(dsl.insertInto(STAT_ORGANIZATION)
                    .set(STAT_ORGANIZATION.ORGANIZATION_ID, row.id())
                    .set(STAT_ORGANIZATION.PARENT_ID, row.parentId())
                    .set(STAT_ORGANIZATION.DEPTH, row.depth())
                    .set(STAT_ORGANIZATION.PATH, row.path())
                    .set(STAT_ORGANIZATION.HEADCOUNT, row.headcount())
                    .set(STAT_ORGANIZATION.SUBTREE_HEADCOUNT, row.subtreeHeadcount()));
            if (batch.size() == BATCH) {
                dsl.batch(batch).execute();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            dsl.batch(batch).execute();
        }
    }

    // ---- counters --------------------------------------------------------------------------

    static List<Field<Long>> counters(Table<?> table) {
        return Changes.COLUMNS.stream().map(c -> table.field(c, Long.class)).toList();
    }

    /**
     * Adds changes to the day and month rows of each organization and its ancestors. Rows are written
     * in one order everywhere (days before months, each by date, then from the root down), so two
     * concurrent updates of the same ancestors wait for each other instead of deadlocking.
     */
    void add(Map<Changes.Key, long[]> changes, java.util.function.Function<Long, List<Long>> ancestorsAndSelf) {
        List<Map.Entry<Changes.Key, long[]>> sorted = changes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(Changes.Key::day).thenComparing(Changes.Key::organizationId)))
                .toList();
        // Organizations under a common ancestor add to the ancestor's same rows: summed here, so that each
        // row is written once. The changes come by day, so the rows keep that order (and so do the locks).
        Map<Changes.Key, CounterRow> days = new LinkedHashMap<>();
        Map<Changes.Key, CounterRow> months = new LinkedHashMap<>();
        for (Map.Entry<Changes.Key, long[]> change : sorted) {
            LocalDate day = change.getKey().day();
            LocalDate month = day.withDayOfMonth(1);
            for (Long organizationId : ancestorsAndSelf.apply(change.getKey().organizationId())) {
                CounterRow.addTo(days, organizationId, day, month, change.getValue());
                CounterRow.addTo(months, organizationId, month, null, change.getValue());
            }
        }
        addTo(STAT_DAY, STAT_DAY.ORGANIZATION_ID, STAT_DAY.CHANGE_DAY, STAT_DAY.CHANGE_MONTH, nonZero(days));
        addTo(STAT_MONTH, STAT_MONTH.ORGANIZATION_ID, STAT_MONTH.CHANGE_MONTH, null, nonZero(months));
    }

    private static List<CounterRow> nonZero(Map<Changes.Key, CounterRow> rows) {
        return rows.values().stream()
                .filter(row -> !Changes.isZero(row.values()))
                .toList();
    }

    /** Counters to add to the row of an organization and a day (with its month) or a month. */
    private record CounterRow(long organizationId, LocalDate key, LocalDate month, long[] values) {

        /** Adds the values to the row of the organization and key in {@code rows}, starting it at zero. */
        static void addTo(
                Map<Changes.Key, CounterRow> rows, long organizationId, LocalDate key, LocalDate month, long[] values) {
            long[] sum = rows.computeIfAbsent(
                            new Changes.Key(organizationId, key),
                            k -> new CounterRow(organizationId, key, month, new long[Changes.WIDTH]))
                    .values();
            for (int i = 0; i < Changes.WIDTH; i++) {
                sum[i] += values[i];
            }
        }
    }

    /**
     * Adds the counters to their rows with two prepared statements run as batches, the same text for
     * every row: an update of the existing rows, then an insert of those the update did not find. A
     * row inserted meanwhile by another transaction fails the insert, and the caller retries.
     */
    private void addTo(
            Table<?> table,
            Field<Long> organization,
            Field<LocalDate> key,
            Field<LocalDate> month,
            List<CounterRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Field<Long>> counters = counters(table);
        Map<Field<?>, Object> increments = new LinkedHashMap<>();
        for (Field<Long> counter : counters) {
            increments.put(counter, counter.plus(DSL.val((Long) null, Long.class)));
        }
        var updates = dsl.batch(dsl.update(table)
                .set(increments)
                .where(organization.eq((Long) null))
                .and(key.eq((LocalDate) null)));
        for (CounterRow row : rows) {
            Object[] binds = new Object[counters.size() + 2];
            for (int i = 0; i < counters.size(); i++) {
                binds[i] = row.values()[i];
            }
            binds[counters.size()] = row.organizationId();
            binds[counters.size() + 1] = row.key();
            updates = updates.bind(binds);
        }
        int[] updated = updates.execute();
        if (updated.length != rows.size()) {
            throw new IllegalStateException("The driver did not report the updated rows of a batch");
        }
        List<Field<?>> columns = new ArrayList<>(List.of(organization, key));
        if (month != null) {
            columns.add(month);
        }
        columns.addAll(counters);
        var inserts = dsl.batch(
                dsl.insertInto(table).columns(columns).values(java.util.Collections.nCopies(columns.size(), null)));
        boolean any = false;
        for (int r = 0; r < rows.size(); r++) {
            if (updated[r] > 0) {
                continue;
            }
            CounterRow row = rows.get(r);
            List<Object> binds = new ArrayList<>(columns.size());
            binds.add(row.organizationId());
            binds.add(row.key());
            if (month != null) {
                binds.add(row.month());
            }
            for (long value : row.values()) {
                binds.add(value);
            }
            inserts = inserts.bind(binds.toArray());
            any = true;
        }
        if (any) {
            inserts.execute();
        }
    }

    /**
     * Adds (sign 1) or subtracts (sign -1) the rows of {@code sourceId} to those of {@code targetId}, in
     * the day and month tables: a moved subtree leaves its old ancestors and joins its new ones.
     */
    void addRowsOf(long sourceId, long targetId, int sign) {
        mergeAdd(
                STAT_DAY,
                List.of("organization_id", "change_day"),
                DSL.select(fields(
                                DSL.inline(targetId).as("organization_id"),
                                STAT_DAY.CHANGE_DAY,
                                STAT_DAY.CHANGE_MONTH,
                                counters(STAT_DAY),
                                sign))
                        .from(STAT_DAY)
                        .where(STAT_DAY.ORGANIZATION_ID.eq(sourceId)));
        mergeAdd(
                STAT_MONTH,
                List.of("organization_id", "change_month"),
                DSL.select(fields(
                                DSL.inline(targetId).as("organization_id"),
                                STAT_MONTH.CHANGE_MONTH,
                                null,
                                counters(STAT_MONTH),
                                sign))
                        .from(STAT_MONTH)
                        .where(STAT_MONTH.ORGANIZATION_ID.eq(sourceId)));
    }

    private static List<SelectField<?>> fields(
            SelectField<?> organization,
            Field<LocalDate> first,
            Field<LocalDate> second,
            List<Field<Long>> counters,
            int sign) {
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(organization);
        fields.add(first);
        if (second != null) {
            fields.add(second);
        }
        for (Field<Long> counter : counters) {
            fields.add((sign < 0 ? counter.neg() : counter).as(counter.getName()));
        }
        return fields;
    }

    /**
     * Merges the rows a select gives (named like the target's columns, keys first) into the target,
     * adding the counters to existing rows.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void mergeAdd(Table<?> target, List<String> keys, Select<?> source) {
        Table<?> s = source.asTable("s");
        Condition on = DSL.trueCondition();
        for (String key : keys) {
            on = on.and(((Field) target.field(key)).eq(s.field(key)));
        }
        Map<Field<?>, Object> update = new LinkedHashMap<>();
        for (String counter : Changes.COLUMNS) {
            Field<Long> field = target.field(counter, Long.class);
            update.put(field, field.plus(s.field(counter, Long.class)));
        }
        List<Field<?>> insertFields = new ArrayList<>();
        List<Field<?>> insertValues = new ArrayList<>();
        for (Field<?> field : s.fields()) {
            insertFields.add(target.field(field.getName()));
            insertValues.add(field);
        }
        dsl.mergeInto(target)
                .using(s)
                .on(on)
                .whenMatchedThenUpdate()
                .set(update)
                .whenNotMatchedThenInsert(insertFields)
                .values(insertValues)
                .execute();
    }

    // ---- reads -----------------------------------------------------------------------------

    /** The sums of the counters per organization over the rows a condition selects. */
    Map<Long, long[]> sums(Table<?> table, Condition condition) {
        Field<Long> organization = table.field("organization_id", Long.class);
        List<Field<?>> select = new ArrayList<>();
        select.add(organization);
        for (Field<Long> counter : counters(table)) {
            select.add(DSL.sum(counter));
        }
        Map<Long, long[]> sums = new HashMap<>();
        dsl.select(select).from(table).where(condition).groupBy(organization).forEach(record -> {
            long[] values = new long[Changes.WIDTH];
            for (int i = 0; i < Changes.WIDTH; i++) {
                Number value = (Number) record.get(i + 1);
                values[i] = value == null ? 0 : value.longValue();
            }
            sums.put(record.get(organization), values);
        });
        return sums;
    }

    /** Month rows of one organization from a month on, in order. */
    Map<LocalDate, long[]> monthRows(long organizationId, LocalDate fromMonth, LocalDate beforeMonth) {
        Map<LocalDate, long[]> rows = new LinkedHashMap<>();
        dsl.selectFrom(STAT_MONTH)
                .where(STAT_MONTH.ORGANIZATION_ID.eq(organizationId))
                .and(STAT_MONTH.CHANGE_MONTH.ge(fromMonth))
                .and(STAT_MONTH.CHANGE_MONTH.lt(beforeMonth))
                .orderBy(STAT_MONTH.CHANGE_MONTH)
                .forEach(record -> rows.put(record.getChangeMonth(), values(record, STAT_MONTH)));
        return rows;
    }

    private static long[] values(Record record, Table<?> table) {
        long[] values = new long[Changes.WIDTH];
        List<Field<Long>> counters = counters(table);
        for (int i = 0; i < Changes.WIDTH; i++) {
            values[i] = record.get(counters.get(i));
        }
        return values;
    }

    // ---- the recount -----------------------------------------------------------------------

    void clearRecount() {
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            // Deleted rows stay in the table until a vacuum: millions per recount where autovacuum is off
            // or behind, which the next recount reads again. Truncating leaves none (and is transactional here).
            dsl.truncate(STAT_RECOUNT_DAY).execute();
        } else {
            dsl.deleteFrom(STAT_RECOUNT_DAY).execute();
        }
    }

    /**
     * Inserts every organization's own rows, counted from the registry's memberships in one statement:
     * each membership gives a join row, an exit row if it ended and a row where its youth ends, with
     * the same counters as {@link Changes#add}; the rows are summed per organization and day. The
     * database does in one pass what streaming the memberships through the application did row by row.
     */
    void insertRecountOwnRows(Select<? extends Record> memberships) {
        Table<?> f = memberships.asTable("f");
        Field<Long> organization = f.field("organization_id", Long.class);
        Field<String> category = f.field("category", String.class);
        Field<String> gender = f.field("gender", String.class);
        Field<LocalDate> birthDate = f.field("birth_date", LocalDate.class);
        Field<LocalDate> joined = f.field("joined_on", LocalDate.class);
        Field<LocalDate> exited = f.field("exited_on", LocalDate.class);
        Field<String> reason = f.field("exit_reason", String.class);
        Field<Boolean> transferredIn = f.field("transferred_in", Boolean.class);
        // Changes.agesOutOfYouth: the first day of the month after the month of the 35th birthday.
        Field<LocalDate> agedOut = DSL.localDateAdd(
                firstOfMonth(birthDate), DSL.inline(Youth.AGE_LIMIT * 12 + 1), org.jooq.DatePart.MONTH);
        Field<LocalDate> youthEnds =
                DSL.when(exited.isNull().or(agedOut.lt(exited)), agedOut).otherwise(exited);
        Condition youthCounted = birthDate.isNotNull().and(joined.lt(youthEnds));

        List<Field<Long>> onJoin = new ArrayList<>();
        List<Field<Long>> onExit = new ArrayList<>();
        List<Field<Long>> onYouthEnd = new ArrayList<>();
        for (int column = 0; column < Changes.WIDTH; column++) {
            onJoin.add(DSL.inline(0L));
            onExit.add(DSL.inline(0L));
            onYouthEnd.add(DSL.inline(0L));
        }
        onJoin.set(Changes.MEMBERS, DSL.inline(1L));
        onExit.set(Changes.MEMBERS, DSL.inline(-1L));
        onJoin.set(Changes.JOINED, one(transferredIn.isTrue().not()));
        onJoin.set(Changes.TRANSFERS_IN, one(transferredIn.isTrue()));
        for (ExitReason exitReason : ExitReason.values()) {
            Condition isReason = exitReason == ExitReason.OWN_WISH
                    ? reason.isNull().or(reason.eq(exitReason.name()))
                    : reason.eq(exitReason.name());
            onExit.set(Changes.exitColumn(exitReason), one(isReason));
        }
        for (Category each : Category.values()) {
            onJoin.set(Changes.CATEGORY + each.ordinal(), one(category.eq(each.name())));
            onExit.set(
                    Changes.CATEGORY + each.ordinal(),
                    one(category.eq(each.name())).neg());
        }
        for (Gender each : Gender.values()) {
            int column = Changes.genderColumn(each);
            onJoin.set(column, one(gender.eq(each.name())));
            onExit.set(column, one(gender.eq(each.name())).neg());
        }
        onJoin.set(Changes.YOUTH, one(youthCounted));
        onYouthEnd.set(Changes.YOUTH, DSL.inline(-1L));

        Table<?> events = DSL.select(eventFields(organization, joined, onJoin))
                .from(f)
                .unionAll(DSL.select(eventFields(organization, exited, onExit))
                        .from(f)
                        .where(exited.isNotNull()))
                .unionAll(DSL.select(eventFields(organization, youthEnds, onYouthEnd))
                        .from(f)
                        .where(youthCounted))
                .asTable("e");
        Field<Long> eventOrganization = events.field("organization_id", Long.class);
        Field<LocalDate> eventDay = events.field("change_day", LocalDate.class);
        List<SelectField<?>> sums = new ArrayList<>(List.of(eventOrganization, eventDay, firstOfMonth(eventDay)));
        Condition nonZero = DSL.falseCondition();
        for (String column : Changes.COLUMNS) {
            Field<java.math.BigDecimal> sum = DSL.sum(events.field(column, Long.class));
            sums.add(sum.cast(Long.class));
            nonZero = nonZero.or(sum.ne(java.math.BigDecimal.ZERO));
        }
        List<Field<?>> columns = new ArrayList<>(
                List.of(STAT_RECOUNT_DAY.ORGANIZATION_ID, STAT_RECOUNT_DAY.CHANGE_DAY, STAT_RECOUNT_DAY.CHANGE_MONTH));
        columns.addAll(counters(STAT_RECOUNT_DAY));
        dsl.insertInto(STAT_RECOUNT_DAY)
                .columns(columns)
                .select(DSL.select(sums)
                        .from(events)
                        .groupBy(eventOrganization, eventDay)
                        .having(nonZero))
                .execute();
    }

    private static Field<LocalDate> firstOfMonth(Field<LocalDate> date) {
        // PostgreSQL's extract gives a numeric, which a date cannot be added to: cast to an integer.
        return DSL.localDateAdd(
                date,
                DSL.inline(1).minus(DSL.day(date)).cast(org.jooq.impl.SQLDataType.INTEGER),
                org.jooq.DatePart.DAY);
    }

    private static Field<Long> one(Condition condition) {
        return DSL.when(condition, DSL.inline(1L)).otherwise(DSL.inline(0L));
    }

    private static List<SelectField<?>> eventFields(
            Field<Long> organization, Field<LocalDate> day, List<Field<Long>> counters) {
        List<SelectField<?>> fields =
                new ArrayList<>(List.of(organization.as("organization_id"), day.as("change_day")));
        for (int column = 0; column < Changes.WIDTH; column++) {
            fields.add(counters.get(column).as(Changes.COLUMNS.get(column)));
        }
        return fields;
    }

    int maxDepth() {
        Integer depth = dsl.select(DSL.max(STAT_ORGANIZATION.DEPTH))
                .from(STAT_ORGANIZATION)
                .fetchOne(0, Integer.class);
        return depth == null ? 0 : depth;
    }

    /** Adds the recount rows of the organizations at a depth to their parents' rows. */
    void rollUpRecount(int depth) {
        var r = STAT_RECOUNT_DAY;
        var o = STAT_ORGANIZATION;
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(o.PARENT_ID.as("organization_id"));
        fields.add(r.CHANGE_DAY);
        fields.add(r.CHANGE_MONTH);
        fields.addAll(summedCounters(r));
        mergeAdd(
                r,
                List.of("organization_id", "change_day"),
                DSL.select(fields)
                        .from(r)
                        .join(o)
                        .on(o.ORGANIZATION_ID.eq(r.ORGANIZATION_ID))
                        .where(o.DEPTH.eq(depth))
                        .and(o.PARENT_ID.isNotNull())
                        .groupBy(o.PARENT_ID, r.CHANGE_DAY, r.CHANGE_MONTH));
    }

    /**
     * The rows where the incremental day counters differ from the recount: the incremental values
     * minus the recount's, keyed by organization and day.
     */
    void dayDifferences(Consumer<Difference> differences) {
        differences(STAT_DAY, STAT_DAY.CHANGE_DAY, DSL.selectFrom(STAT_RECOUNT_DAY), "change_day", differences);
    }

    /** The same for the month counters against the recount's days summed per month. */
    void monthDifferences(Consumer<Difference> differences) {
        differences(STAT_MONTH, STAT_MONTH.CHANGE_MONTH, monthSums(STAT_RECOUNT_DAY), "change_month", differences);
    }

    /** A day table's rows summed per organization and month, the columns named like {@code stat_month}'s. */
    private static Select<? extends Record> monthSums(Table<?> days) {
        Field<Long> organization = days.field("organization_id", Long.class);
        Field<LocalDate> month = days.field("change_month", LocalDate.class);
        List<SelectField<?>> fields = new ArrayList<>(List.of(organization, month));
        fields.addAll(summedCounters(days));
        return DSL.select(fields).from(days).groupBy(organization, month);
    }

    /** The sums of a table's counters, each named like its column. */
    private static List<SelectField<?>> summedCounters(Table<?> table) {
        List<SelectField<?>> sums = new ArrayList<>();
        for (Field<Long> counter : counters(table)) {
            sums.add(DSL.sum(counter).cast(Long.class).as(counter.getName()));
        }
        return sums;
    }

    record Difference(long organizationId, LocalDate date, long[] incrementalMinusRecount) {}

    /**
     * Compares row by row on the key: the live rows joined to the recount's (missing ones counting as
     * zero), then the recount's rows that have no live row. Joining on the key reads each table once;
     * summing both tables' rows grouped by key, as before, took four times as long.
     */
    private void differences(
            Table<?> live,
            Field<LocalDate> liveDate,
            Select<?> recountRows,
            String recountDate,
            Consumer<Difference> differences) {
        Table<?> r = recountRows.asTable("r");
        Field<Long> liveOrganization = live.field("organization_id", Long.class);
        Field<Long> recountOrganization = r.field("organization_id", Long.class);
        Field<LocalDate> recountAt = r.field(recountDate, LocalDate.class);
        Condition sameKey = recountOrganization.eq(liveOrganization).and(recountAt.eq(liveDate));

        List<SelectField<?>> liveMinusRecount =
                new ArrayList<>(List.of(liveOrganization.as("organization_id"), liveDate.as("at")));
        List<SelectField<?>> recountOnly =
                new ArrayList<>(List.of(recountOrganization.as("organization_id"), recountAt.as("at")));
        Condition liveDiffers = DSL.falseCondition();
        Condition recountNonZero = DSL.falseCondition();
        for (String column : Changes.COLUMNS) {
            Field<Long> liveValue = live.field(column, Long.class);
            Field<Long> recountValue = r.field(column, Long.class);
            liveMinusRecount.add(liveValue.minus(DSL.coalesce(recountValue, 0L)).as(column));
            recountOnly.add(recountValue.neg().as(column));
            liveDiffers = liveDiffers.or(liveValue.ne(DSL.coalesce(recountValue, 0L)));
            recountNonZero = recountNonZero.or(recountValue.ne(0L));
        }
        Table<?> both = DSL.select(liveMinusRecount)
                .from(live)
                .leftJoin(r)
                .on(sameKey)
                .where(liveDiffers)
                .unionAll(DSL.select(recountOnly)
                        .from(r)
                        .where(recountNonZero)
                        .andNotExists(DSL.selectOne().from(live).where(sameKey)))
                .asTable("differences");
        Field<Long> organization = both.field("organization_id", Long.class);
        Field<LocalDate> at = both.field("at", LocalDate.class);
        try (var cursor =
                dsl.selectFrom(both).orderBy(organization, at).fetchSize(10_000).fetchLazy()) {
            for (Record record : cursor) {
                long[] values = new long[Changes.WIDTH];
                for (int i = 0; i < Changes.WIDTH; i++) {
                    values[i] = ((Number) record.get(i + 2)).longValue();
                }
                differences.accept(new Difference(record.get(organization), record.get(at), values));
            }
        }
    }

    /** Replaces the incremental counters by the recount's. */
    void keepRecount() {
        dsl.deleteFrom(STAT_DAY).execute();
        dsl.insertInto(STAT_DAY).select(DSL.selectFrom(STAT_RECOUNT_DAY)).execute();
        dsl.deleteFrom(STAT_MONTH).execute();
        dsl.insertInto(STAT_MONTH).select(monthSums(STAT_DAY)).execute();
        clearRecount();
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            // Fresh statistics for the planner: with those of the empty tables it scans instead of using the keys.
            dsl.execute("analyze stat_day");
            dsl.execute("analyze stat_month");
            dsl.execute("analyze stat_organization");
        }
    }
}

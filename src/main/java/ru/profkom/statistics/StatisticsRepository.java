package ru.profkom.statistics;

import static profkom.schema.Tables.STAT_DAY;
import static profkom.schema.Tables.STAT_MONTH;
import static profkom.schema.Tables.STAT_ORGANIZATION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import ru.profkom.shared.BulkInsert;
import ru.profkom.shared.BulkReads;
import ru.profkom.shared.TreePaths;

/**
 * The statistics' counters and their copy of the tree; every statement is plain jOOQ for H2 and PostgreSQL.
 * Long because the read model is one set of tables written together: the counter upserts, the rebuild and the
 * roll-up over the tree copy run in the same batches, so one repository owns them all.
 */
@Repository
class StatisticsRepository {

    private static final int BATCH = 5_000;

    /** Rows in one counter upsert: 19 values each, well under PostgreSQL's 65,535 parameters a statement. */
    private static final int UPSERT_ROWS = 1_000;

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
        lockedPaths(ids);
    }

    /**
     * Locks the rows like {@link #lock} and reads, among them, the current path of {@code organizationId}:
     * empty when it is not among the ids or not known.
     */
    Optional<String> lockReadingPath(List<Long> ids, long organizationId) {
        return Optional.ofNullable(lockedPaths(ids).get(organizationId));
    }

    /** Locks the organizations' rows from the root down and returns their paths. */
    private Map<Long, String> lockedPaths(List<Long> ids) {
        return dsl.select(STAT_ORGANIZATION.ORGANIZATION_ID, STAT_ORGANIZATION.PATH)
                .from(STAT_ORGANIZATION)
                .where(STAT_ORGANIZATION.ORGANIZATION_ID.in(ids))
                .orderBy(STAT_ORGANIZATION.DEPTH)
                .forUpdate()
                .fetchMap(STAT_ORGANIZATION.ORGANIZATION_ID, STAT_ORGANIZATION.PATH);
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

    /**
     * Makes the tree's copy equal to {@code rows}, given what it held before: only the rows that
     * differ are written, so a recount of an unchanged tree leaves no dead rows behind.
     */
    void replaceOrganizations(Collection<OrganizationRow> rows, Map<Long, OrganizationRow> before) {
        Set<Long> kept = new HashSet<>();
        List<Query> batch = new ArrayList<>();
        for (OrganizationRow row : rows) {
            kept.add(row.id());
            OrganizationRow old = before.get(row.id());
            if (row.equals(old)) {
                continue;
            }
            if (old != null) {
                batch.add(dsl.deleteFrom(STAT_ORGANIZATION).where(STAT_ORGANIZATION.ORGANIZATION_ID.eq(row.id())));
            }
            batch.add(dsl.insertInto(STAT_ORGANIZATION)
                    .set(STAT_ORGANIZATION.ORGANIZATION_ID, row.id())
                    .set(STAT_ORGANIZATION.PARENT_ID, row.parentId())
                    .set(STAT_ORGANIZATION.DEPTH, row.depth())
                    .set(STAT_ORGANIZATION.PATH, row.path())
                    .set(STAT_ORGANIZATION.HEADCOUNT, row.headcount())
                    .set(STAT_ORGANIZATION.SUBTREE_HEADCOUNT, row.subtreeHeadcount()));
            if (batch.size() >= BATCH) {
                dsl.batch(batch).execute();
                batch.clear();
            }
        }
        for (Long gone : before.keySet()) {
            if (!kept.contains(gone)) {
                batch.add(dsl.deleteFrom(STAT_ORGANIZATION).where(STAT_ORGANIZATION.ORGANIZATION_ID.eq(gone)));
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
    record CounterRow(long organizationId, LocalDate key, LocalDate month, long[] values) {

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
     * Adds the counters to their rows by upserts of up to {@link #UPSERT_ROWS} rows a statement: one
     * round trip for the few rows of a single change, few for an import's thousands. PostgreSQL's
     * upsert is atomic; H2 emulates it with a MERGE that a concurrent insert of the same new row can
     * beat, which fails the statement, and the caller retries.
     */
    private void addTo(
            Table<?> table,
            Field<Long> organization,
            Field<LocalDate> key,
            Field<LocalDate> month,
            List<CounterRow> rows) {
        List<Field<Long>> counters = counters(table);
        List<Field<?>> columns = new ArrayList<>(List.of(organization, key));
        if (month != null) {
            columns.add(month);
        }
        columns.addAll(counters);
        Map<Field<?>, Object> increments = new LinkedHashMap<>();
        for (Field<Long> counter : counters) {
            increments.put(counter, counter.plus(DSL.excluded(counter)));
        }
        if (dsl.dialect().family() != org.jooq.SQLDialect.POSTGRES) {
            // H2 emulates a many-row upsert by a MERGE over a UNION of one SELECT per row, which its parser
            // takes recursively: a thousand rows overflowed the stack. There, one prepared row upsert, in a batch.
            var batch = dsl.batch(dsl.insertInto(table)
                    .columns(columns)
                    .values(java.util.Collections.nCopies(columns.size(), null))
                    .onConflict(organization, key)
                    .doUpdate()
                    .set(increments));
            for (CounterRow row : rows) {
                batch = batch.bind(values(row, month != null).toArray());
            }
            batch.execute();
            return;
        }
        for (int from = 0; from < rows.size(); from += UPSERT_ROWS) {
            var insert = dsl.insertInto(table).columns(columns);
            for (CounterRow row : rows.subList(from, Math.min(rows.size(), from + UPSERT_ROWS))) {
                insert = insert.values(values(row, month != null));
            }
            insert.onConflict(organization, key).doUpdate().set(increments).execute();
        }
    }

    /** A counter row's values in the order of its table's columns: organization, key, month (day rows), counters. */
    private static List<Object> values(CounterRow row, boolean withMonth) {
        List<Object> values = new ArrayList<>(3 + Changes.WIDTH);
        values.add(row.organizationId());
        values.add(row.key());
        if (withMonth) {
            values.add(row.month());
        }
        for (long value : row.values()) {
            values.add(value);
        }
        return values;
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

    /** The stored day rows of the organizations, by organization and day. */
    Map<Long, Map<LocalDate, long[]>> dayRows(Collection<Long> ids) {
        return rowsOf(STAT_DAY, STAT_DAY.ORGANIZATION_ID, STAT_DAY.CHANGE_DAY, ids);
    }

    /** The stored month rows of the organizations, by organization and month. */
    Map<Long, Map<LocalDate, long[]>> monthRows(Collection<Long> ids) {
        return rowsOf(STAT_MONTH, STAT_MONTH.ORGANIZATION_ID, STAT_MONTH.CHANGE_MONTH, ids);
    }

    /**
     * Reads the rows through JDBC directly: a recount reads tens of millions of them, and a jOOQ
     * record for each cost more than the database's work.
     */
    private Map<Long, Map<LocalDate, long[]>> rowsOf(
            Table<?> table, Field<Long> organization, Field<LocalDate> key, Collection<Long> ids) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(organization, key));
        columns.addAll(counters(table));
        var query = DSL.select(columns).from(table).where(organization.in(ids));
        String sql = dsl.render(query);
        List<Object> binds = dsl.extractBindValues(query);
        Map<Long, Map<LocalDate, long[]>> rows = new HashMap<>();
        dsl.connection(connection -> {
            try (var statement = BulkReads.prepare(connection, sql, 10_000)) {
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                var result = statement.executeQuery();
                while (result.next()) {
                    long[] values = new long[Changes.WIDTH];
                    for (int i = 0; i < Changes.WIDTH; i++) {
                        values[i] = result.getLong(i + 3);
                    }
                    rows.computeIfAbsent(result.getLong(1), id -> new HashMap<>())
                            .put(result.getObject(2, LocalDate.class), values);
                }
            }
        });
        return rows;
    }

    /** Every organization that has day or month counters. */
    Set<Long> organizationsWithCounters() {
        return new HashSet<>(dsl.selectDistinct(STAT_DAY.ORGANIZATION_ID)
                .from(STAT_DAY)
                .union(DSL.selectDistinct(STAT_MONTH.ORGANIZATION_ID).from(STAT_MONTH))
                .fetch(0, Long.class));
    }

    long organizationCount() {
        return dsl.fetchCount(STAT_ORGANIZATION);
    }

    /**
     * Replaces the day and month rows of the organizations by the given ones (an organization without
     * rows there ends with none), written by {@code COPY} on PostgreSQL, grouped by organization: its
     * rows then share few pages, and reading its figures (a drill-down sums every month row of 50
     * children) touches those pages instead of one page per row.
     */
    void replaceCounters(Collection<Long> ids, List<CounterRow> days, List<CounterRow> months) {
        dsl.deleteFrom(STAT_DAY).where(STAT_DAY.ORGANIZATION_ID.in(ids)).execute();
        dsl.deleteFrom(STAT_MONTH).where(STAT_MONTH.ORGANIZATION_ID.in(ids)).execute();
        insertRows(STAT_DAY, List.of(STAT_DAY.ORGANIZATION_ID, STAT_DAY.CHANGE_DAY, STAT_DAY.CHANGE_MONTH), days);
        insertRows(STAT_MONTH, List.of(STAT_MONTH.ORGANIZATION_ID, STAT_MONTH.CHANGE_MONTH), months);
    }

    /** Rows of a counter table: the key columns (organization, key, and the month for day rows), then the counters. */
    private void insertRows(Table<?> table, List<Field<?>> keys, List<CounterRow> rows) {
        List<Field<?>> columns = new ArrayList<>(keys);
        columns.addAll(counters(table));
        int keyColumns = keys.size();
        BulkInsert.insertRows(dsl, table, columns, rows.size(), (index, column) -> {
            CounterRow row = rows.get(index);
            return switch (column) {
                case 0 -> row.organizationId();
                case 1 -> row.key();
                default -> column < keyColumns ? row.month() : (Object) row.values()[column - keyColumns];
            };
        });
    }

    /** Fresh statistics for PostgreSQL's planner after counters were rewritten in bulk. */
    void analyzeCounters() {
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            dsl.execute("analyze stat_day");
            dsl.execute("analyze stat_month");
            dsl.execute("analyze stat_organization");
        }
    }
}

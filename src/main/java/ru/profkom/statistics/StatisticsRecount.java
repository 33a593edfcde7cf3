package ru.profkom.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.members.MembershipFactsQuery;

/**
 * Rebuilds the counters from scratch and compares them with the incremental ones: the tree from the
 * organization cards, then the registry's memberships read once into memory (two longs each) and
 * grouped by organization in the tree's post-order. One pass over that order counts each
 * organization's own changes with the same rules as the incremental updates ({@link Changes}), adds
 * its subtree's figures, hands the sum to its parent and compares it with the organization's stored
 * day and month rows, read a block of organizations at a time. Only the organizations that differ
 * are rewritten, in the same transaction. Nothing the size of the counters is written or sorted in
 * the database, which is what made the set-based recount take an hour for 20 million members.
 */
@Component
class StatisticsRecount {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatisticsRecount.class);

    /** How many differences a report describes; it counts them all. */
    static final int DESCRIBED = 50;

    /** Organizations whose stored rows are read by one statement. */
    private static final int BLOCK = 500;

    /** How often the recount logs its progress, in organizations. */
    private static final int PROGRESS_EVERY = 10_000;

    /** Recount rows of differing organizations kept in memory before they are written. */
    private static final int PENDING_ROWS = 20_000;

    private final StatisticsRepository repository;
    private final StatisticsTree tree;
    private final MembershipFactsQuery facts;

    StatisticsRecount(StatisticsRepository repository, StatisticsTree tree, MembershipFactsQuery facts) {
        this.repository = repository;
        this.tree = tree;
        this.facts = facts;
    }

    @Transactional
    RecountReport run() {
        long started = System.nanoTime();
        Report report = new Report(tree.rebuild());
        CountedMemberships memberships =
                CountedMemberships.load(repository.organizations().values(), facts::forEachCounted);
        long loaded = System.nanoTime();
        log.info("Recount: {} memberships read in {} s", memberships.memberships(), seconds(started, loaded));
        Rewrite rewrite = new Rewrite();
        // The summed figures of organizations whose subtree is being walked: at most one per level.
        Map<Integer, Map<LocalDate, long[]>> subtreeSums = new HashMap<>();
        int organizations = memberships.organizations();
        for (int from = 0; from < organizations; from += BLOCK) {
            int to = Math.min(organizations, from + BLOCK);
            List<Long> ids = new ArrayList<>(to - from);
            for (int position = from; position < to; position++) {
                ids.add(memberships.organizationId(position));
            }
            Map<Long, Map<LocalDate, long[]>> storedDays = repository.dayRows(ids);
            Map<Long, Map<LocalDate, long[]>> storedMonths = repository.monthRows(ids);
            for (int position = from; position < to; position++) {
                long id = memberships.organizationId(position);
                Map<LocalDate, long[]> days = subtreeDays(memberships, position, subtreeSums);
                Map<LocalDate, long[]> months = monthsOf(days);
                boolean dayDiffers = report.compare(id, "day", storedDays.getOrDefault(id, Map.of()), days);
                boolean monthDiffers = report.compare(id, "month", storedMonths.getOrDefault(id, Map.of()), months);
                if (dayDiffers || monthDiffers) {
                    rewrite.add(id, days, months);
                }
            }
            rewrite.flushIfLarge();
            if (to / PROGRESS_EVERY != from / PROGRESS_EVERY) {
                log.info("Recount: {} of {} organizations compared", to, organizations);
            }
        }
        Set<Long> walked = new HashSet<>();
        for (int position = 0; position < organizations; position++) {
            walked.add(memberships.organizationId(position));
        }
        for (Long stray : repository.organizationsWithCounters()) {
            if (!walked.contains(stray)) {
                report.add("organization " + stray + ": counters without an organization or memberships");
                rewrite.add(stray, Map.of(), Map.of());
            }
        }
        rewrite.flush();
        if (rewrite.organizations > 0) {
            repository.analyzeCounters();
        }
        log.info(
                "Recount of {} memberships in {} organizations: reading them {} s, counting, comparing and"
                        + " rewriting {} organizations {} s",
                memberships.memberships(),
                organizations,
                seconds(started, loaded),
                rewrite.organizations,
                seconds(loaded, System.nanoTime()));
        return new RecountReport(
                memberships.memberships(),
                repository.organizationCount(),
                report.lines(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The recount's rows of the organizations that differ, written over theirs a few thousand rows at a time. */
    private final class Rewrite {

        private final Set<Long> ids = new LinkedHashSet<>();
        private final List<StatisticsRepository.CounterRow> days = new ArrayList<>();
        private final List<StatisticsRepository.CounterRow> months = new ArrayList<>();
        private long organizations;

        void add(long id, Map<LocalDate, long[]> dayRows, Map<LocalDate, long[]> monthRows) {
            ids.add(id);
            organizations++;
            dayRows.forEach((day, values) -> {
                if (!Changes.isZero(values)) {
                    days.add(new StatisticsRepository.CounterRow(id, day, day.withDayOfMonth(1), values));
                }
            });
            monthRows.forEach((month, values) -> {
                if (!Changes.isZero(values)) {
                    months.add(new StatisticsRepository.CounterRow(id, month, null, values));
                }
            });
        }

        void flushIfLarge() {
            if (days.size() + months.size() >= PENDING_ROWS) {
                flush();
            }
        }

        void flush() {
            if (!ids.isEmpty()) {
                repository.replaceCounters(ids, days, months);
                ids.clear();
                days.clear();
                months.clear();
            }
        }
    }

    /**
     * The day rows of the organization at the position: its own memberships' changes plus the sums its
     * children handed over, which it hands on to its parent in turn.
     */
    private static Map<LocalDate, long[]> subtreeDays(
            CountedMemberships memberships, int position, Map<Integer, Map<LocalDate, long[]>> subtreeSums) {
        Map<LocalDate, long[]> days = subtreeSums.remove(position);
        if (days == null) {
            days = new HashMap<>();
        }
        Changes own = new Changes();
        memberships.addTo(own, position);
        for (Map.Entry<Changes.Key, long[]> change : own.nonZero().entrySet()) {
            addInto(days, change.getKey().day(), change.getValue());
        }
        int parent = memberships.parent(position);
        if (parent >= 0) {
            Map<LocalDate, long[]> parentDays = subtreeSums.computeIfAbsent(parent, p -> new HashMap<>());
            days.forEach((day, values) -> addInto(parentDays, day, values));
        }
        return days;
    }

    private static void addInto(Map<LocalDate, long[]> rows, LocalDate key, long[] values) {
        long[] sum = rows.computeIfAbsent(key, k -> new long[Changes.WIDTH]);
        for (int i = 0; i < Changes.WIDTH; i++) {
            sum[i] += values[i];
        }
    }

    private static Map<LocalDate, long[]> monthsOf(Map<LocalDate, long[]> days) {
        Map<LocalDate, long[]> months = new HashMap<>();
        days.forEach((day, values) -> addInto(months, day.withDayOfMonth(1), values));
        return months;
    }

    private static String seconds(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
    }

    /** The differences found, the first {@link #DESCRIBED} of the counters described, all counted. */
    private static final class Report {

        private final List<String> lines;
        private long counters;

        Report(List<String> treeDifferences) {
            this.lines = new ArrayList<>(treeDifferences);
        }

        void add(String line) {
            lines.add(line);
        }

        /** Compares an organization's stored rows with the recount's; true when any differs. */
        boolean compare(
                long organizationId, String kind, Map<LocalDate, long[]> stored, Map<LocalDate, long[]> recounted) {
            boolean differs = false;
            Set<LocalDate> keys = new java.util.TreeSet<>(stored.keySet());
            keys.addAll(recounted.keySet());
            long[] zero = new long[Changes.WIDTH];
            for (LocalDate key : keys) {
                long[] incremental = stored.getOrDefault(key, zero);
                long[] recount = recounted.getOrDefault(key, zero);
                if (!java.util.Arrays.equals(incremental, recount)) {
                    long[] difference = new long[Changes.WIDTH];
                    for (int i = 0; i < Changes.WIDTH; i++) {
                        difference[i] = incremental[i] - recount[i];
                    }
                    differs = true;
                    describe(organizationId, kind, key, difference);
                }
            }
            return differs;
        }

        private void describe(long organizationId, String kind, LocalDate date, long[] incrementalMinusRecount) {
            counters++;
            if (counters > DESCRIBED) {
                return;
            }
            StringBuilder text = new StringBuilder()
                    .append("organization ")
                    .append(organizationId)
                    .append(", ")
                    .append(kind)
                    .append(' ')
                    .append(date)
                    .append(", incremental − recount:");
            for (int i = 0; i < Changes.WIDTH; i++) {
                long value = incrementalMinusRecount[i];
                if (value != 0) {
                    text.append(' ')
                            .append(Changes.COLUMNS.get(i))
                            .append(value > 0 ? " +" : " ")
                            .append(value);
                }
            }
            lines.add(text.toString());
        }

        List<String> lines() {
            List<String> all = new ArrayList<>(lines);
            if (counters > DESCRIBED) {
                all.add("… " + (counters - DESCRIBED) + " more");
            }
            return all;
        }
    }
}

package ru.profkom.statistics;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MembershipFacts;
import ru.profkom.members.MembershipFactsQuery;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;

/**
 * The statistics benchmarks of docs/benchmarks.md on the database the application runs on: a full
 * recount, the root's figures, movement, series and drill-down, one incremental update, and the same
 * figures by a plain GROUP BY over the registry for the ratio. Runs as the system.
 */
@Component
public class StatisticsBenchmark {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final StatisticsService statistics;
    private final StatisticsUpdater updater;
    private final StatisticsRepository repository;
    private final MembershipFactsQuery registry;
    private final Organizations organizations;

    StatisticsBenchmark(
            StatisticsService statistics,
            StatisticsUpdater updater,
            StatisticsRepository repository,
            MembershipFactsQuery registry,
            Organizations organizations) {
        this.statistics = statistics;
        this.updater = updater;
        this.repository = repository;
        this.registry = registry;
        this.organizations = organizations;
    }

    record Measurement(String name, long[] nanos, double targetMs) {

        double percentileMs(double percentile) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = Math.max(0, (int) Math.ceil(percentile / 100 * sorted.length) - 1);
            return sorted[index] / 1e6;
        }

        boolean passed() {
            return targetMs <= 0 || percentileMs(95) <= targetMs;
        }
    }

    /** Prints the results as a Markdown table; true when every target was met. */
    public boolean run(int samples, PrintStream out) {
        return CurrentActor.asSystem(() -> measure(samples, out));
    }

    private boolean measure(int samples, PrintStream out) {
        long root = organizations.scopeRoots().getFirst().id();
        String rootPath = organizations.pathOf(root).orElseThrow();
        LocalDate today = statistics.today();
        LocalDate yearStart = today.withDayOfYear(1);
        out.println("Пересчёт статистики из реестра…");
        long started = System.nanoTime();
        RecountReport recount = statistics.recount();
        long recountNanos = System.nanoTime() - started;
        out.printf(
                RUSSIAN,
                "Пересчёт: %,d членств, %,d организаций, %.1f с, расхождений с накопленными: %d%n",
                recount.memberships(),
                recount.organizations(),
                recountNanos / 1e9,
                recount.differences().size());
        List<Long> regions = organizations.children(root, false, PageRequest.of(0, 200)).items().stream()
                .map(OrganizationNode::id)
                .toList();
        Random random = new Random(20261122);
        List<Measurement> results = new ArrayList<>();
        results.add(timed(
                "root: figures today (MembershipStatistics.figures)",
                samples,
                50,
                () -> statistics.figures(root, today).members()));
        results.add(timed(
                "root: figures at 1 January",
                samples,
                50,
                () -> statistics.figures(root, yearStart).members()));
        results.add(timed(
                "root: movement since 1 January",
                samples,
                50,
                () -> statistics.movement(root, yearStart, today).joined()));
        results.add(timed(
                "root: monthly series of 12 months",
                samples,
                50,
                () -> statistics
                        .monthlySeries(root, today.minusMonths(11).withDayOfMonth(1), today)
                        .size()));
        results.add(timed(
                "root: drill-down, figures of the first 50 children",
                samples,
                50,
                () -> statistics
                        .childrenFigures(root, today, PageRequest.of(0, 50))
                        .total()));
        results.add(timed(
                "region: figures today (random regional organization)",
                samples,
                50,
                () -> statistics
                        .figures(regions.get(random.nextInt(regions.size())), today)
                        .members()));
        List<Long> primaries = primaries(root, random);
        long[] sign = {1};
        long[] organizationOfJoin = {0};
        java.util.function.LongFunction<Changes> joinOrTakeBack = organization -> new Changes()
                .add(
                        new MembershipFacts(
                                0,
                                organization,
                                "",
                                Category.WORKER,
                                Gender.F,
                                today.minusYears(30),
                                today,
                                null,
                                null,
                                MembershipStatus.ACTIVE,
                                false),
                        (int) sign[0]);
        // A join, then the same join taken back: the measurement leaves the counters as it found them.
        results.add(timed("incremental update after one join or exit (StatisticsUpdater.apply)", samples, 5, () -> {
            if (sign[0] > 0) {
                organizationOfJoin[0] = primaries.get(random.nextInt(primaries.size()));
            }
            updater.apply(joinOrTakeBack.apply(organizationOfJoin[0]));
            sign[0] = -sign[0];
            return organizationOfJoin[0];
        }));
        if (sign[0] < 0) {
            updater.apply(joinOrTakeBack.apply(organizationOfJoin[0]));
        }
        int baselineSamples = Math.max(3, samples / 100);
        Measurement baseline = timed(
                "root: plain GROUP BY over the registry (MembershipFactsQuery.countByGroupBy)",
                baselineSamples,
                0,
                () -> registry.countByGroupBy(rootPath, today));
        results.add(baseline);
        long counted = statistics.figures(root, today).members();
        long grouped = registry.countByGroupBy(rootPath, today);
        out.println();
        out.println("| measurement | samples | p50 ms | p95 ms | p99 ms | max ms | target | result |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        boolean passed = true;
        for (Measurement m : results) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %.3f | %.3f | %.3f | %.3f | %s | %s |%n",
                    m.name(),
                    m.nanos().length,
                    m.percentileMs(50),
                    m.percentileMs(95),
                    m.percentileMs(99),
                    m.percentileMs(100),
                    m.targetMs() > 0 ? String.format(Locale.ROOT, "p95 ≤ %.0f ms", m.targetMs()) : "baseline",
                    m.targetMs() > 0 ? (m.passed() ? "PASS" : "MISS") : "—");
            passed &= m.passed();
        }
        out.printf(
                Locale.ROOT,
                "| full recount from the registry | 1 | | | | %.1f s | ≤ 600 s | %s |%n",
                recountNanos / 1e9,
                recountNanos <= 600e9 ? "PASS" : "MISS");
        passed &= recountNanos <= 600e9;
        out.printf(
                Locale.ROOT,
                "%nGROUP BY ÷ counters (root figures today, p50): %.0f×; members by counters %,d, by GROUP BY %,d%n",
                baseline.percentileMs(50) / Math.max(1e-6, results.getFirst().percentileMs(50)),
                counted,
                grouped);
        return passed && counted == grouped;
    }

    private List<Long> primaries(long root, Random random) {
        List<Long> found = new ArrayList<>();
        List<Long> level = List.of(root);
        while (found.isEmpty() && !level.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (Long id : level.subList(0, Math.min(level.size(), 20))) {
                for (OrganizationNode child : organizations
                        .children(id, false, PageRequest.of(0, 200))
                        .items()) {
                    if (child.kind() == ru.profkom.organizations.OrganizationKind.PRIMARY) {
                        found.add(child.id());
                    } else {
                        next.add(child.id());
                    }
                }
            }
            java.util.Collections.shuffle(next, random);
            level = next;
        }
        return found;
    }

    private static Measurement timed(String name, int samples, double targetMs, LongSupplier operation) {
        for (int i = 0; i < Math.min(samples, 20); i++) {
            operation.getAsLong();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            operation.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        return new Measurement(name, nanos, targetMs);
    }
}

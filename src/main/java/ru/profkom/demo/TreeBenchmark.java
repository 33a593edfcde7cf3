package ru.profkom.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;

/**
 * The tree benchmarks of the foundation issue, measured through the service layer on a freshly
 * loaded union: subtree checks, children, breadcrumbs, and moving a big city to another region.
 */
@Component
class TreeBenchmark {

    static final double QUERY_TARGET_MS = 5;
    static final double MOVE_TARGET_MS = 2_000;
    static final int MOVE_ROUND_TRIPS = 5;

    private final DemoUnion demoUnion;
    private final Organizations organizations;
    private final ActingAccount acting;
    private final DataSource dataSource;
    private final Clock clock;

    TreeBenchmark(
            DemoUnion demoUnion,
            Organizations organizations,
            ActingAccount acting,
            DataSource dataSource,
            Clock clock) {
        this.clock = clock;
        this.demoUnion = demoUnion;
        this.organizations = organizations;
        this.acting = acting;
        this.dataSource = dataSource;
    }

    /** One measured operation: durations in nanoseconds and the target its p95 (or max) must meet. */
    record Measurement(String name, long[] nanos, double targetMs, boolean targetOnMax) {

        double percentileMs(double percentile) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        double maxMs() {
            return Arrays.stream(nanos).max().orElse(0) / 1e6;
        }

        boolean passes() {
            return (targetOnMax ? maxMs() : percentileMs(95)) <= targetMs;
        }
    }

    /** Returns whether every target was met. */
    boolean run(UnionScale scale, Sector sector, int samples, PrintStream out) {
        out.println("Среда: " + environment());
        TreeShape shape = new TreeShape(scale.organizations());
        DemoUnion.Loaded loaded = demoUnion
                .load(scale, sector, shape::add)
                .orElseThrow(() -> new IllegalStateException("The benchmark needs an empty database"));
        shape.finish();
        out.printf(
                Locale.ROOT, "Загрузка: %,d организаций за %.1f с%n", loaded.organizations(), loaded.millis() / 1000.0);

        Random random = new Random(7);
        UserDetails unionAdmin = acting.principal("admin");
        UserDetails regionalAdmin = acting.principal("region");
        int warmUp = Math.max(200, samples / 5);
        List<Measurement> measurements = new ArrayList<>();

        measurements.add(measure(
                "is X inside Y's subtree: Organizations.isWithin, as the system", warmUp, samples, () -> {
                    int x = shape.anyOrganization(random);
                    int y = random.nextBoolean() ? shape.ancestorOf(x, random) : shape.anyParent(random);
                    return CurrentActor.asSystem(() -> organizations.isWithin(x, y)) ? 1 : 0;
                }));
        measurements.add(measure(
                "is X inside Y's subtree: Organizations.canRead, as the regional admin (grants read per request)",
                warmUp,
                samples,
                () -> {
                    int x = random.nextBoolean()
                            ? shape.anyOrganization(random)
                            : shape.insideOf((int) loaded.regionalId(), random);
                    return acting.asRequest(regionalAdmin, () -> organizations.canRead(x)) ? 1 : 0;
                }));
        measurements.add(measure(
                "children, first page of 50, random non-leaf nodes, as the union admin", warmUp, samples, () -> {
                    int parent = shape.anyParent(random);
                    return acting.asRequest(
                                    unionAdmin, () -> organizations.children(parent, false, new PageRequest(0, 50)))
                            .items()
                            .size();
                }));
        measurements.add(measure("breadcrumbs of random leaves, as the union admin", warmUp, samples, () -> {
            int leaf = shape.anyLeaf(random);
            return acting.asRequest(unionAdmin, () -> organizations.breadcrumbs(leaf))
                    .size();
        }));

        int city = shape.territorialClosestTo(Math.max(scale.bigCityDescendants(), 1));
        int home = shape.parentOf(city);
        int away = shape.anotherRegional(home);
        int moved = shape.descendants(city) + 1;
        long[] moves = new long[MOVE_ROUND_TRIPS * 2];
        for (int trip = 0; trip < MOVE_ROUND_TRIPS; trip++) {
            moves[2 * trip] = timed(() -> acting.asRequest(unionAdmin, () -> organizations.move(city, away))
                    .id());
            moves[2 * trip + 1] = timed(() -> acting.asRequest(unionAdmin, () -> organizations.move(city, home))
                    .id());
        }
        Measurement move = new Measurement(
                String.format(
                        Locale.ROOT,
                        "move a subtree of %,d organizations to another region and back, %d times (Organizations.move)",
                        moved,
                        MOVE_ROUND_TRIPS),
                moves,
                MOVE_TARGET_MS,
                true);

        out.println();
        out.println("| measurement | samples | p50 ms | p95 ms | p99 ms | max ms | target | result |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (Measurement m : measurements) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %.3f | %.3f | %.3f | %.3f | p95 ≤ %.0f ms | %s |%n",
                    m.name(),
                    m.nanos().length,
                    m.percentileMs(50),
                    m.percentileMs(95),
                    m.percentileMs(99),
                    m.maxMs(),
                    m.targetMs(),
                    m.passes() ? "PASS" : "FAIL");
        }
        out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | each ≤ %.0f ms | %s |%n",
                move.name(),
                moves.length,
                move.percentileMs(50),
                move.percentileMs(95),
                move.percentileMs(99),
                move.maxMs(),
                move.targetMs(),
                move.passes() ? "PASS" : "FAIL");
        out.println();
        StringBuilder each = new StringBuilder("Each move, ms:");
        for (long nanos : moves) {
            each.append(String.format(Locale.ROOT, " %.1f", nanos / 1e6));
        }
        out.println(each);
        measurements.add(move);
        return measurements.stream().allMatch(Measurement::passes);
    }

    private static Measurement measure(String name, int warmUp, int samples, IntSupplier operation) {
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += operation.getAsInt();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            sink += operation.getAsInt();
            nanos[i] = System.nanoTime() - started;
        }
        // Keeps the results alive so that nothing is optimized away.
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        return new Measurement(name, nanos, QUERY_TARGET_MS, false);
    }

    private static long timed(LongSupplier operation) {
        long started = System.nanoTime();
        operation.getAsLong();
        return System.nanoTime() - started;
    }

    private String environment() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return String.format(
                    Locale.ROOT,
                    "%s %s, JDK %s (%s), %d cores, %s",
                    meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(),
                    System.getProperty("java.version"),
                    System.getProperty("java.vm.name"),
                    Runtime.getRuntime().availableProcessors(),
                    MoscowTime.today(clock));
        } catch (SQLException e) {
            return "unknown database: " + e.getMessage();
        }
    }

    /**
     * The generated tree's shape, kept as arrays indexed by id (the generator numbers from 1 without
     * gaps), so that random nodes of each kind can be drawn without asking the database.
     */
    static final class TreeShape {
        private final int[] parent;
        private final byte[] kind;
        private final int[] descendants;
        private final boolean[] hasChildren;
        private int size;
        private int[] parents;
        private int[] leaves;

        TreeShape(int capacity) {
            parent = new int[capacity + 1];
            kind = new byte[capacity + 1];
            descendants = new int[capacity + 1];
            hasChildren = new boolean[capacity + 1];
        }

        void add(GeneratedOrganization organization) {
            int id = (int) organization.id();
            parent[id] = organization.parentId() == null
                    ? 0
                    : organization.parentId().intValue();
            kind[id] = (byte) organization.kind().ordinal();
            hasChildren[parent[id]] = true;
            for (int ancestor = parent[id]; ancestor != 0; ancestor = parent[ancestor]) {
                descendants[ancestor]++;
            }
            size = Math.max(size, id);
        }

        void finish() {
            parents = java.util.stream.IntStream.rangeClosed(1, size)
                    .filter(id -> hasChildren[id])
                    .toArray();
            leaves = java.util.stream.IntStream.rangeClosed(1, size)
                    .filter(id -> !hasChildren[id])
                    .toArray();
        }

        int anyOrganization(Random random) {
            return 1 + random.nextInt(size);
        }

        int anyParent(Random random) {
            return parents[random.nextInt(parents.length)];
        }

        int anyLeaf(Random random) {
            return leaves[random.nextInt(leaves.length)];
        }

        int parentOf(int id) {
            return parent[id];
        }

        int descendants(int id) {
            return descendants[id];
        }

        /** The organization itself or one of its ancestors, drawn evenly. */
        int ancestorOf(int id, Random random) {
            List<Integer> line = new ArrayList<>();
            for (int current = id; current != 0; current = parent[current]) {
                line.add(current);
            }
            return line.get(random.nextInt(line.size()));
        }

        /** An organization inside the subtree of {@code root}: ids of a subtree are contiguous. */
        int insideOf(int root, Random random) {
            return root + random.nextInt(descendants[root] + 1);
        }

        int territorialClosestTo(int wanted) {
            int best = -1;
            for (int id = 1; id <= size; id++) {
                if (kind[id] == OrganizationKind.TERRITORIAL.ordinal()
                        && (best < 0 || Math.abs(descendants[id] - wanted) < Math.abs(descendants[best] - wanted))) {
                    best = id;
                }
            }
            return best;
        }

        int anotherRegional(int regional) {
            for (int id = 1; id <= size; id++) {
                if (kind[id] == OrganizationKind.REGIONAL.ordinal() && id != regional) {
                    return id;
                }
            }
            throw new IllegalStateException("The union has a single region");
        }
    }
}

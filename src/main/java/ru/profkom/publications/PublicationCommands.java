package ru.profkom.publications;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomSettings;

/**
 * {@code generate-publications --count N [--org-id ID] [--seed S]} loads generated news;
 * {@code bench-search-publications [--samples N]} measures full-text search as a user sees it (index,
 * then the page's rows from the database) and fails with exit code 4 when p95 exceeds 50 ms.
 */
@Component
@ConditionalOnExpression(
        "'${profkom.command:}' == 'generate-publications' or '${profkom.command:}' == 'bench-search-publications'")
class PublicationCommands implements ApplicationRunner, ExitCodeGenerator {

    static final double TARGET_P95_MILLIS = 50;

    private final PublicationGenerator generator;
    private final PublicationSearch search;
    private final PublicationIndex index;
    private final PublicationRepository repository;
    private final String command;
    private int exitCode;

    PublicationCommands(
            PublicationGenerator generator,
            PublicationSearch search,
            PublicationIndex index,
            PublicationRepository repository,
            ProfkomSettings settings) {
        this.generator = generator;
        this.search = search;
        this.index = index;
        this.repository = repository;
        this.command = settings.command();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (command.equals("generate-publications")) {
                int count = Integer.parseInt(option(args, "count", "10000"));
                String org = option(args, "org-id", null);
                long seed = Long.parseLong(option(args, "seed", "2026"));
                List<PublicationGenerator.Target> targets = generator.targets(org == null ? null : Long.valueOf(org));
                System.out.printf(
                        Locale.ROOT, "Generating %,d publications over %,d organizations…%n", count, targets.size());
                CurrentActor.asSystem(() -> generator.generate(targets, count, seed, System.out));
            } else {
                bench(Integer.parseInt(option(args, "samples", "2000")));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        }
    }

    private void bench(int samples) {
        long publications = repository.count();
        if (index.needsRebuild() && publications > 0) {
            long started = System.nanoTime();
            search.rebuild();
            System.out.printf(Locale.ROOT, "Index rebuilt in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        List<PublicationGenerator.Target> targets = generator.targets(null);
        Random random = new Random(7);
        for (int i = 0; i < Math.min(300, samples); i++) {
            once(random, targets);
        }
        long[] nanos = new long[samples];
        long hits = 0;
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            hits += once(random, targets);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        double p50 = nanos[samples / 2] / 1e6;
        double p95 = nanos[(int) (samples * 0.95)] / 1e6;
        double p99 = nanos[(int) (samples * 0.99)] / 1e6;
        System.out.printf(
                Locale.ROOT,
                "Full-text search over %,d publications, %,d queries (page of 20, one to two words, filtered to a"
                        + " user's subtree): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; average hits %,d%n",
                publications,
                samples,
                p50,
                p95,
                p99,
                nanos[samples - 1] / 1e6,
                hits / samples);
        System.out.printf(
                Locale.ROOT,
                "Target p95 ≤ %.0f ms: %s%n",
                TARGET_P95_MILLIS,
                p95 <= TARGET_P95_MILLIS ? "met" : "MISSED");
        if (p95 > TARGET_P95_MILLIS) {
            exitCode = 4;
        }
    }

    private long once(Random random, List<PublicationGenerator.Target> targets) {
        String query = NewsTexts.QUERIES[random.nextInt(NewsTexts.QUERIES.length)];
        List<Long> visibleIn = new ArrayList<>();
        visibleIn.add(targets.get(random.nextInt(targets.size())).id());
        int page = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 0;
        return CurrentActor.asSystem(() -> search.search(query, visibleIn, new PageRequest(page, 20), s -> false))
                .total();
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.getLast();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

package ru.profkom.members.generators;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberQuery;
import ru.profkom.members.MemberSummary;
import ru.profkom.members.Members;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/**
 * {@code bench-member-search [--samples 2000]}: the registry's search by surname prefix, through
 * the service layer as the list page runs it (first page of 50, in Russian order, with its count),
 * in the subtree of the first regional organization — a million members of ten after
 * {@code generate-members}. Prints p50/p95/p99 and exits with 4 when p95 misses 20 ms.
 */
@Component
@ConditionalOnProperty(name = "profkom.command", havingValue = "bench-member-search")
class MemberSearchBenchmark implements ApplicationRunner, ExitCodeGenerator {

    static final double TARGET_P95_MILLIS = 20;

    private final Members members;
    private final Organizations organizations;
    private int exitCode;

    MemberSearchBenchmark(Members members, Organizations organizations) {
        this.members = members;
        this.organizations = organizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues("samples");
        int samples = values == null || values.isEmpty() ? 2000 : Integer.parseInt(values.getLast());
        CurrentActor.asSystem(() -> measure(samples));
    }

    private void measure(int samples) {
        long root = organizations.scopeRoots().getFirst().id();
        OrganizationNode region = organizations.children(root, false, PageRequest.of(0, 1)).items().stream()
                .filter(node -> node.kind() == OrganizationKind.REGIONAL)
                .findFirst()
                .orElseThrow();
        long inSubtree = members.search(MemberQuery.of(region.id()), PageRequest.of(0, 1))
                .total();
        long inRegistry =
                members.search(MemberQuery.all(), PageRequest.of(0, 1)).total();
        System.out.printf(
                Locale.ROOT, "Subtree %s: %,d memberships; registry: %,d%n", region.shortName(), inSubtree, inRegistry);
        Random random = new Random(7);
        long[] nanos = new long[samples];
        long found = 0;
        int warmup = Math.min(200, samples);
        for (int i = -warmup; i < samples; i++) {
            String surname = MemberGenerator.SURNAMES.get(random.nextInt(MemberGenerator.SURNAMES.size()));
            String prefix = surname.substring(0, Math.min(surname.length(), 3 + random.nextInt(3)));
            MemberQuery query = new MemberQuery(prefix, region.id(), null, null, null, null);
            long start = System.nanoTime();
            Page<MemberSummary> page = members.search(query, PageRequest.of(0, 50));
            long took = System.nanoTime() - start;
            if (i >= 0) {
                nanos[i] = took;
                found += page.items().size();
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[samples / 2] / 1e6;
        double p95 = nanos[(int) (samples * 0.95)] / 1e6;
        double p99 = nanos[(int) (samples * 0.99)] / 1e6;
        boolean passed = p95 <= TARGET_P95_MILLIS;
        System.out.printf(
                Locale.ROOT,
                "Search by surname prefix, first page of 50 with its count: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms"
                        + " over %,d samples (%.1f rows a page on average) — target p95 ≤ %.0f ms: %s%n",
                p50,
                p95,
                p99,
                samples,
                found / (double) samples,
                TARGET_P95_MILLIS,
                passed ? "PASS" : "MISS");
        if (!passed) {
            exitCode = 4;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

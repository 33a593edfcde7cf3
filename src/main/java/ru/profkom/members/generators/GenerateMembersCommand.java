package ru.profkom.members.generators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import ru.profkom.members.GeneratedMembers;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;

/**
 * {@code generate-members --count N [--focus-share 0.1]}: fills a loaded union's registry with
 * generated members for benchmarks, fast — PostgreSQL's COPY, or bulk inserts on H2. The first
 * regional organization gets the focus share of them (a million of ten by default), so that a
 * search in a subtree of a million members inside a registry of ten can be measured.
 */
@Component
@ConditionalOnProperty(name = "profkom.command", havingValue = "generate-members")
class GenerateMembersCommand implements ApplicationRunner, ExitCodeGenerator {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    private static final int BATCH = 50_000;

    private final Organizations organizations;
    private final GeneratedMembers generated;
    private int exitCode;

    GenerateMembersCommand(Organizations organizations, GeneratedMembers generated) {
        this.organizations = organizations;
        this.generated = generated;
    }

    @Override
    public void run(ApplicationArguments args) {
        long count = Long.parseLong(option(args, "count", "10000000").replace("_", ""));
        double focusShare = Double.parseDouble(option(args, "focus-share", "0.1"));
        CurrentActor.asSystem(() -> generate(count, focusShare));
    }

    private void generate(long count, double focusShare) {
        List<OrganizationNode> roots = organizations.scopeRoots();
        if (roots.isEmpty()) {
            System.err.println("В базе нет организаций: сначала ./profkom generate --scale federation --db …");
            exitCode = 3;
            return;
        }
        Organization focus = organizations.children(roots.getFirst().id(), false, PageRequest.of(0, 1)).items().stream()
                .filter(node -> node.kind() == OrganizationKind.REGIONAL)
                .findFirst()
                .map(node -> organizations.get(node.id()))
                .orElse(organizations.get(roots.getFirst().id()));
        List<Organization> all =
                organizations.membershipHoldersWithin(roots.getFirst().id());
        List<Organization> inFocus =
                all.stream().filter(org -> org.path().startsWith(focus.path())).toList();
        List<Organization> others =
                all.stream().filter(org -> !org.path().startsWith(focus.path())).toList();
        long focusCount = others.isEmpty() ? count : Math.round(count * focusShare);
        System.out.printf(
                Locale.ROOT,
                "Members: %,d, of them %,d in %s (%s, %,d organizations), the rest in %,d organizations%n",
                count,
                focusCount,
                focus.shortName(),
                focus.code(),
                inFocus.size(),
                others.size());
        long started = System.nanoTime();
        MemberGenerator generator = new MemberGenerator(20261122L, TODAY);
        // The demo members already loaded hold SNILS from the same sequence: theirs are skipped.
        java.util.Set<String> taken = generated.snilsInUse();
        Instant now = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<GeneratedMembers.Placed> batch = new ArrayList<>(BATCH);
        for (long i = 0; i < count; i++) {
            Organization organization = i < focusCount
                    ? inFocus.get((int) (i % inFocus.size()))
                    : others.get((int) ((i - focusCount) % others.size()));
            MemberGenerator.GeneratedPerson person = generator.next(MemberGenerator.EmployerType.HOSPITAL);
            while (taken.contains(person.snils())) {
                person = generator.next(MemberGenerator.EmployerType.HOSPITAL);
            }
            batch.add(new GeneratedMembers.Placed(organization, person));
            if (batch.size() == BATCH || i == count - 1) {
                generated.load(batch, now);
                batch.clear();
                long done = i + 1;
                if (done % 1_000_000 == 0 || done == count) {
                    System.out.printf(
                            Locale.ROOT, "  %,d members, %.0f s%n", done, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Loaded %,d members in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
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

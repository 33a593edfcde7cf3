package ru.profkom.publications;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/**
 * Loads generated published news into the database in batches (one transaction per 1,000 rows) and
 * rebuilds the search index: {@code ./profkom generate-publications --count N [--org-id ID]}. The portal's
 * benchmark reuses it: with {@code --org-id} every publication goes to one organization's feed.
 */
@Component
class PublicationGenerator {

    static final int BATCH = 1000;
    static final int MAX_ORGANIZATIONS = 5000;

    private final PublicationRepository repository;
    private final PublicationSearch search;
    private final Organizations organizations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PublicationGenerator(
            PublicationRepository repository,
            PublicationSearch search,
            Organizations organizations,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.search = search;
        this.organizations = organizations;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Target(long id, String path) {}

    /** Up to 5,000 active organizations of the union (or the one given), with their paths. */
    List<Target> targets(Long organizationId) {
        return CurrentActor.asSystem(() -> {
            List<Long> ids = new ArrayList<>();
            if (organizationId != null) {
                ids.add(organizationId);
            } else {
                for (OrganizationNode root : organizations.scopeRoots()) {
                    ids.add(root.id());
                    List<Long> below = organizations.activeDescendantIds(root.id(), java.util.Set.of());
                    ids.addAll(below.subList(0, Math.min(below.size(), MAX_ORGANIZATIONS - 1)));
                }
            }
            List<Target> targets = new ArrayList<>();
            for (Long id : ids) {
                organizations.pathOf(id).ifPresent(path -> targets.add(new Target(id, path)));
            }
            return targets;
        });
    }

    long generate(List<Target> targets, int count, long seed, PrintStream out) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(
                    "В базе нет организаций: сначала ./profkom generate --scale demo|federation");
        }
        Random random = new Random(seed);
        Instant now = clock.instant();
        long started = System.nanoTime();
        int written = 0;
        while (written < count) {
            int size = Math.min(BATCH, count - written);
            List<PublicationRepository.Generated> rows = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Target target = targets.get(random.nextInt(targets.size()));
                Instant at = now.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
                rows.add(new PublicationRepository.Generated(target.id(), target.path(), NewsTexts.next(random), at));
            }
            transactions.executeWithoutResult(status -> repository.insertPublished(rows));
            written += size;
            if (written % 100_000 == 0 && out != null) {
                out.printf(Locale.ROOT, "  %,d publications…%n", written);
            }
        }
        long insertMillis = (System.nanoTime() - started) / 1_000_000;
        if (out != null) {
            out.printf(
                    Locale.ROOT,
                    "Inserted %,d publications in %.1f s (%.0f rows/s)%n",
                    count,
                    insertMillis / 1000.0,
                    count * 1000.0 / Math.max(1, insertMillis));
        }
        long indexStarted = System.nanoTime();
        search.rebuild();
        if (out != null) {
            out.printf(
                    Locale.ROOT,
                    "Rebuilt the search index over %,d publications in %.1f s%n",
                    repository.count(),
                    (System.nanoTime() - indexStarted) / 1e9);
        }
        return written;
    }
}

package ru.profkom.statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.members.MembershipFactsQuery;
import ru.profkom.statistics.StatisticsRepository.Difference;

/**
 * Rebuilds the counters from scratch: the tree from the organization cards, each organization's own
 * changes from the registry's memberships (one set-based statement in the database), then each level
 * of the tree added to its parents from the deepest up. The result is compared with the incremental
 * counters, the differences listed, and the recount kept where they differ.
 */
@Component
class StatisticsRecount {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatisticsRecount.class);

    /** How many differences a report describes; it counts them all. */
    static final int DESCRIBED = 50;

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
        List<String> differences = new ArrayList<>(tree.rebuild());
        repository.clearRecount();
        long memberships = facts.countCounted();
        repository.insertRecountOwnRows(facts.countedForRecount());
        long counted = System.nanoTime();
        for (int depth = repository.maxDepth(); depth >= 1; depth--) {
            repository.rollUpRecount(depth);
        }
        long rolledUp = System.nanoTime();
        long[] different = {0};
        repository.dayDifferences(difference -> describe(differences, "day", difference, different));
        repository.monthDifferences(difference -> describe(differences, "month", difference, different));
        long compared = System.nanoTime();
        if (different[0] > 0) {
            // Equal counters stay as they are: rewriting tens of millions of rows would change nothing.
            repository.keepRecount();
        } else {
            repository.clearRecount();
        }
        log.info(
                "Recount of {} memberships: own rows {} s, roll-up {} s, comparison {} s, kept {} s",
                memberships,
                seconds(started, counted),
                seconds(counted, rolledUp),
                seconds(rolledUp, compared),
                seconds(compared, System.nanoTime()));
        if (different[0] > DESCRIBED) {
            differences.add("… " + (different[0] - DESCRIBED) + " more");
        }
        long organizations = repository.organizations().size();
        return new RecountReport(
                memberships, organizations, differences, Duration.ofNanos(System.nanoTime() - started));
    }

    private static String seconds(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
    }

    private static void describe(List<String> differences, String kind, Difference difference, long[] counted) {
        counted[0]++;
        if (counted[0] > DESCRIBED) {
            return;
        }
        StringBuilder text = new StringBuilder()
                .append("organization ")
                .append(difference.organizationId())
                .append(", ")
                .append(kind)
                .append(' ')
                .append(difference.date())
                .append(", incremental − recount:");
        long[] values = difference.incrementalMinusRecount();
        for (int i = 0; i < Changes.WIDTH; i++) {
            if (values[i] != 0) {
                text.append(' ')
                        .append(Changes.COLUMNS.get(i))
                        .append(values[i] > 0 ? " +" : " ")
                        .append(values[i]);
            }
        }
        differences.add(text.toString());
    }
}

package ru.profkom.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes netted changes to the day and month rows of each organization and of its ancestors, and
 * follows the tree, each in a transaction of its own. Two listeners that create the same new row at
 * once (H2 emulates PostgreSQL's atomic upsert with a MERGE a concurrent insert can beat) or wait
 * for each other's locks are retried rather than leave an event unhandled.
 */
@Component
class StatisticsUpdater {

    private static final int ATTEMPTS = 5;

    private final StatisticsRepository repository;
    private final StatisticsTree tree;
    private final StatisticsUpdater self;

    StatisticsUpdater(
            StatisticsRepository repository,
            StatisticsTree tree,
            @org.springframework.context.annotation.Lazy StatisticsUpdater self) {
        this.repository = repository;
        this.tree = tree;
        this.self = self;
    }

    void apply(Changes changes) {
        var rows = changes.nonZero();
        if (!rows.isEmpty()) {
            retrying(updater -> updater.write(rows));
        }
    }

    /** Runs work against the tree's copy, retried like the counters. */
    void onTree(Consumer<StatisticsTree> work) {
        retrying(updater -> updater.inTransaction(() -> work.accept(tree)));
    }

    private void retrying(Consumer<StatisticsUpdater> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.accept(self);
                return;
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * Waits a random moment, longer after each attempt: two writers that deadlocked and retried at once
     * would meet again in the same order (seen with H2 and many listeners on two cores, five times running).
     */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void write(Map<Changes.Key, long[]> rows) {
        Map<Long, List<Long>> ancestors = new HashMap<>();
        repository.add(rows, id -> ancestors.computeIfAbsent(id, tree::lockedAncestorsAndSelf));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void inTransaction(Runnable work) {
        work.run();
    }
}

package ru.profkom.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes netted changes to the day and month rows of each organization and of its ancestors. */
@Component
@Transactional
class StatisticsUpdater {

    private final StatisticsRepository repository;
    private final StatisticsTree tree;

    StatisticsUpdater(StatisticsRepository repository, StatisticsTree tree) {
        this.repository = repository;
        this.tree = tree;
    }

    void apply(Changes changes) {
        var rows = changes.nonZero();
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, List<Long>> ancestors = new HashMap<>();
        repository.add(rows, id -> ancestors.computeIfAbsent(id, tree::ancestorsAndSelf));
    }
}

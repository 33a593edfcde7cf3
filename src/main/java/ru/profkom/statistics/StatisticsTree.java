package ru.profkom.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.OrganizationHeadcount;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.statistics.StatisticsRepository.OrganizationRow;

/**
 * The statistics' copy of the tree: paths for rolling counters up and headcounts for the membership
 * level. Every change here is idempotent, so a repeated or late event does no harm.
 */
@Component
@Transactional
class StatisticsTree {

    /** More organizations than a federation has: the memory stays bounded if ids keep changing. */
    private static final int REMEMBERED_PATHS = 500_000;

    private final StatisticsRepository repository;
    private final Organizations organizations;

    /**
     * The path each organization had when its counters were last written, on this node: a guess that saves
     * reading it before locking, checked under the lock, so a move since only costs one more statement.
     */
    private final Map<Long, String> lockedPaths = new java.util.concurrent.ConcurrentHashMap<>();

    StatisticsTree(StatisticsRepository repository, Organizations organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    /** The ids from the root down to the organization, learning the organization from the tree when new. */
    List<Long> ancestorsAndSelf(long organizationId) {
        return StatisticsService.idsOf(ensure(organizationId));
    }

    /**
     * The same, with the organizations locked for the rest of the transaction, so that no move of the
     * subtree runs between reading the path and writing the counters under it.
     */
    List<Long> lockedAncestorsAndSelf(long organizationId) {
        String lastLocked = lockedPaths.get(organizationId);
        List<Long> ids = lastLocked != null ? StatisticsService.idsOf(lastLocked) : ancestorsAndSelf(organizationId);
        while (true) {
            Optional<String> path = repository.lockReadingPath(ids, organizationId);
            if (path.isEmpty()) {
                ids = ancestorsAndSelf(organizationId);
                continue;
            }
            List<Long> now = StatisticsService.idsOf(path.get());
            if (now.equals(ids)) {
                if (lockedPaths.size() >= REMEMBERED_PATHS) {
                    lockedPaths.clear();
                }
                lockedPaths.put(organizationId, path.get());
                return ids;
            }
            ids = now;
        }
    }

    /** The organization's path, inserting it (and its ancestors) when the statistics did not know it yet. */
    String ensure(long organizationId) {
        Optional<String> known = repository.path(organizationId);
        if (known.isPresent()) {
            return known.get();
        }
        OrganizationHeadcount card = card(organizationId);
        List<Long> ids;
        while (true) {
            ids = StatisticsService.idsOf(card.path());
            for (Long ancestor : ids.subList(0, ids.size() - 1)) {
                if (repository.path(ancestor).isEmpty()) {
                    ensure(ancestor);
                }
            }
            // A move of an ancestor being applied now holds its row: waiting for it and reading the path
            // again keeps this row from being inserted under the old path after the move repathed the subtree.
            repository.lock(ids.subList(0, ids.size() - 1));
            OrganizationHeadcount again = card(organizationId);
            if (again.path().equals(card.path())) {
                break;
            }
            card = again;
        }
        if (repository.insertOrganization(organizationId, card.path(), card.active() ? card.headcount() : 0)) {
            repository.refreshSubtreeHeadcounts(ids.subList(0, ids.size() - 1));
            return card.path();
        }
        // Another transaction inserted the row first, perhaps with the path it read before a move.
        return repository.path(organizationId).orElse(card.path());
    }

    private OrganizationHeadcount card(long organizationId) {
        return CurrentActor.asSystem(() -> organizations.headcountOf(organizationId))
                .orElse(new OrganizationHeadcount(organizationId, "/" + organizationId + "/", 0, false));
    }

    /** Reads the organization's headcount (0 once it is closed) from its card and sums it up again. */
    void refreshHeadcount(long organizationId) {
        List<Long> ids = ancestorsAndSelf(organizationId);
        OrganizationHeadcount card = CurrentActor.asSystem(() -> organizations.headcountOf(organizationId))
                .orElseThrow();
        repository.setHeadcount(organizationId, card.active() ? card.headcount() : 0);
        repository.refreshSubtreeHeadcounts(ids);
    }

    /**
     * Moves a subtree to {@code currentPath}, read once its rows are locked: its counters leave the old
     * ancestors and join the new ones.
     */
    void move(long organizationId, java.util.function.Supplier<String> currentPath) {
        if (repository.path(organizationId).isEmpty()) {
            // Inserted now at the current path, or found inserted by a concurrent transaction at the path
            // it read earlier: the move below then brings it here.
            ensure(organizationId);
        }
        repository.lock(List.of(organizationId));
        String newPath = currentPath.get();
        String oldPath = repository.path(organizationId).orElseThrow();
        if (oldPath.equals(newPath)) {
            return;
        }
        List<Long> oldIds = StatisticsService.idsOf(oldPath);
        List<Long> newIds = StatisticsService.idsOf(newPath);
        List<Long> oldAncestors = oldIds.subList(0, oldIds.size() - 1);
        List<Long> newAncestors = newIds.subList(0, newIds.size() - 1);
        ensure(newAncestors.getLast());
        for (Long ancestor : oldAncestors) {
            if (!newAncestors.contains(ancestor)) {
                repository.addRowsOf(organizationId, ancestor, -1);
            }
        }
        for (Long ancestor : newAncestors) {
            if (!oldAncestors.contains(ancestor)) {
                repository.addRowsOf(organizationId, ancestor, 1);
            }
        }
        repository.repath(oldPath, newPath);
        Set<Long> touched = new LinkedHashSet<>(oldAncestors);
        touched.addAll(newAncestors);
        repository.refreshSubtreeHeadcounts(touched);
    }

    /**
     * Replaces the copy of the tree by the tree as it is, and lists where the copy differed (a path, a
     * headcount or a subtree headcount).
     */
    List<String> rebuild() {
        Map<Long, OrganizationRow> before = repository.organizations();
        List<OrganizationHeadcount> cards = new ArrayList<>();
        CurrentActor.asSystem(() -> organizations.forEachHeadcount(cards::add));
        Collection<OrganizationRow> rows = rows(cards);
        List<String> differences = new ArrayList<>();
        for (OrganizationRow row : rows) {
            OrganizationRow old = before.get(row.id());
            if (old == null) {
                differences.add("organization " + row.id() + ": missing");
            } else if (!old.equals(row)) {
                differences.add("organization " + row.id() + ": " + old + " ≠ " + row);
            }
        }
        repository.replaceOrganizations(rows, before);
        return differences;
    }

    /** Rows with their parents, depths and subtree headcounts, computed in memory from the cards. */
    static Collection<OrganizationRow> rows(List<OrganizationHeadcount> cards) {
        Map<Long, Long> subtree = new HashMap<>();
        for (OrganizationHeadcount card : cards) {
            long headcount = card.active() ? card.headcount() : 0;
            for (Long ancestor : StatisticsService.idsOf(card.path())) {
                subtree.merge(ancestor, headcount, Long::sum);
            }
        }
        List<OrganizationRow> rows = new ArrayList<>();
        for (OrganizationHeadcount card : cards) {
            List<Long> ids = StatisticsService.idsOf(card.path());
            rows.add(new OrganizationRow(
                    card.id(),
                    ids.size() > 1 ? ids.get(ids.size() - 2) : null,
                    ids.size() - 1,
                    card.path(),
                    card.active() ? card.headcount() : 0,
                    subtree.getOrDefault(card.id(), 0L)));
        }
        return rows;
    }
}

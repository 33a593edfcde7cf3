package ru.profkom.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Where an actor may see and change organizations' data: the tree paths ({@code /1/5/77/}) of the organizations
 * where they hold a staff role (every role but {@link Role#MEMBER}, which gives no subtree). The system covers
 * the whole tree. Computed once per request from the actor's grants ({@code Organizations.scope()}); a value,
 * so the rules that use it are tested without Spring.
 */
public record Scope(List<String> roots, boolean everything) {

    public static final Scope EVERYTHING = new Scope(List.of(), true);
    public static final Scope NONE = new Scope(List.of(), false);

    public Scope {
        for (String root : roots) {
            if (!root.startsWith("/") || !root.endsWith("/")) {
                throw new IllegalArgumentException("A tree path starts and ends with '/': " + root);
            }
        }
        // A root inside another root's subtree adds nothing.
        List<String> distinct = new ArrayList<>();
        for (String root : roots) {
            if (roots.stream().noneMatch(other -> !other.equals(root) && root.startsWith(other))
                    && !distinct.contains(root)) {
                distinct.add(root);
            }
        }
        roots = List.copyOf(distinct);
    }

    /** The subtrees of the actor's staff grants, each grant's organization path read by {@code pathOf}. */
    public static Scope of(Actor actor, LongFunction<Optional<String>> pathOf) {
        return of(actor, pathOf, Role::coversSubtree);
    }

    /**
     * The subtrees of the actor's staff grants whose role passes {@code roles} (say {@link Role#administers}):
     * where they may do what only those roles do. A member's grant never gives a subtree.
     */
    public static Scope of(Actor actor, LongFunction<Optional<String>> pathOf, Predicate<Role> roles) {
        if (actor.system()) {
            return EVERYTHING;
        }
        return new Scope(
                actor.grants().stream()
                        .filter(grant -> grant.role().coversSubtree() && roles.test(grant.role()))
                        .map(Grant::organizationId)
                        .distinct()
                        .map(pathOf::apply)
                        .flatMap(Optional::stream)
                        .toList(),
                false);
    }

    public static Scope ofPaths(Collection<String> paths) {
        return new Scope(List.copyOf(paths), false);
    }

    /** The organization at {@code path} lies in one of the subtrees. */
    public boolean covers(String path) {
        return everything || roots.stream().anyMatch(path::startsWith);
    }

    /** Every one of the paths lies in the subtrees (true for none). */
    public boolean coversAll(Collection<String> paths) {
        return paths.stream().allMatch(this::covers);
    }

    /**
     * The organization at {@code path} lies above one of the actor's grants, on the way from the root to it:
     * the statistics show such an organization's totals to the staff below, since their own numbers are in them.
     */
    public boolean isAncestorOfGrant(String path) {
        return everything || roots.stream().anyMatch(root -> root.startsWith(path));
    }

    /** What the statistics show: the subtrees and the organizations above them. */
    public boolean readsStatisticsOf(String path) {
        return covers(path) || isAncestorOfGrant(path);
    }

    /** No subtree at all: a plain member or an anonymous visitor. */
    public boolean isEmpty() {
        return !everything && roots.isEmpty();
    }

    /**
     * The subtree paths for a query's condition; the root {@code /} for the system, whose paths all start
     * with it.
     */
    public List<String> paths() {
        return everything ? List.of("/") : roots;
    }
}

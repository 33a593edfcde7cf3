package ru.profkom.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MembershipFacts;
import ru.profkom.statistics.StatisticsRepository.OrganizationRow;

/**
 * The registry's counted memberships held in memory for a recount, two longs each (a registry of
 * 20 million in 320 MB), grouped by organization in the tree's post-order: every organization comes
 * after its whole subtree, so a recount adds each one's figures to its parent's in a single pass.
 */
final class CountedMemberships {

    private static final int DAY_BITS = 21;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;
    /** Days are stored as days since 1970 plus this offset, 0 meaning none: ±2,870 years around 1970. */
    private static final long DAY_OFFSET = 1L << (DAY_BITS - 1);

    private static final Category[] CATEGORIES = Category.values();
    private static final Gender[] GENDERS = Gender.values();
    private static final ExitReason[] REASONS = ExitReason.values();

    /** Organization ids in post-order, and the position of each one's parent there (-1 for a root). */
    private final long[] ids;

    private final int[] parents;
    /** The memberships of the organization at position p are the pairs from starts[p] to starts[p + 1]. */
    private final int[] starts;
    /** Pairs of longs: the day of joining and the attributes, then birth and exit days. */
    private final long[] facts;

    private CountedMemberships(long[] ids, int[] parents, int[] starts, long[] facts) {
        this.ids = ids;
        this.parents = parents;
        this.starts = starts;
        this.facts = facts;
    }

    /**
     * Reads the memberships from {@code source} and groups them under the tree's organizations.
     * Memberships of an organization the tree does not know count at a root of its own, as the
     * incremental counters do.
     */
    static CountedMemberships load(Collection<OrganizationRow> tree, Consumer<Consumer<MembershipFacts>> source) {
        List<Long> order = postOrder(tree);
        Map<Long, Integer> positions = new HashMap<>(order.size() * 2);
        for (int p = 0; p < order.size(); p++) {
            positions.put(order.get(p), p);
        }
        Map<Long, Long> parentIds = new HashMap<>(tree.size() * 2);
        tree.forEach(row -> parentIds.put(row.id(), row.parentId()));
        List<Long> unknown = new ArrayList<>();
        LongPairs read = new LongPairs();
        source.accept(membership -> {
            Integer position = positions.get(membership.organizationId());
            if (position == null) {
                position = order.size() + unknown.size();
                positions.put(membership.organizationId(), position);
                unknown.add(membership.organizationId());
            }
            read.add(encodeFirst(position, membership), encodeSecond(membership));
        });
        int size = order.size() + unknown.size();
        long[] ids = new long[size];
        int[] parents = new int[size];
        for (int p = 0; p < size; p++) {
            ids[p] = p < order.size() ? order.get(p) : unknown.get(p - order.size());
            Long parentId = parentIds.get(ids[p]);
            parents[p] = parentId == null ? -1 : positions.getOrDefault(parentId, -1);
        }
        // A counting sort by position: two passes over the pairs, no comparisons.
        int[] starts = new int[size + 1];
        for (int i = 0; i < read.size(); i++) {
            starts[position(read.first(i)) + 1]++;
        }
        for (int p = 0; p < size; p++) {
            starts[p + 1] += starts[p];
        }
        int[] next = java.util.Arrays.copyOf(starts, size);
        long[] grouped = new long[read.size() * 2];
        for (int i = 0; i < read.size(); i++) {
            int at = next[position(read.first(i))]++;
            grouped[2 * at] = read.first(i);
            grouped[2 * at + 1] = read.second(i);
        }
        return new CountedMemberships(ids, parents, starts, grouped);
    }

    /** The organizations from the leaves up: each after all of its subtree, roots in id order. */
    static List<Long> postOrder(Collection<OrganizationRow> tree) {
        Map<Long, List<Long>> children = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        Map<Long, OrganizationRow> byId = new HashMap<>();
        tree.forEach(row -> byId.put(row.id(), row));
        for (OrganizationRow row : tree) {
            if (row.parentId() == null || !byId.containsKey(row.parentId())) {
                roots.add(row.id());
            } else {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row.id());
            }
        }
        roots.sort(null);
        children.values().forEach(list -> list.sort(null));
        List<Long> order = new ArrayList<>(tree.size());
        // Iterative depth-first walk: a tree may be deeper than the stack allows.
        java.util.ArrayDeque<long[]> stack = new java.util.ArrayDeque<>();
        for (Long root : roots) {
            stack.push(new long[] {root, 0});
            while (!stack.isEmpty()) {
                long[] top = stack.peek();
                List<Long> own = children.getOrDefault(top[0], List.of());
                if (top[1] < own.size()) {
                    stack.push(new long[] {own.get((int) top[1]++), 0});
                } else {
                    order.add(stack.pop()[0]);
                }
            }
        }
        return order;
    }

    int organizations() {
        return ids.length;
    }

    long memberships() {
        return facts.length / 2;
    }

    long organizationId(int position) {
        return ids[position];
    }

    /** The position of the organization's parent, or -1 for a root. */
    int parent(int position) {
        return parents[position];
    }

    /** Adds what each membership of the organization at the position contributes, as the incremental counters do. */
    void addTo(Changes changes, int position) {
        for (int i = starts[position]; i < starts[position + 1]; i++) {
            changes.add(decode(ids[position], facts[2 * i], facts[2 * i + 1]), 1);
        }
    }

    // ---- the encoding ------------------------------------------------------------------------
    // First long: joined (21 bits), category (3), gender + 1 (2), transferred in (1), exit reason + 1
    // (4), the organization's position (from bit 31). Second long: birth day, exit day (21 bits each).

    private static long encodeFirst(int position, MembershipFacts membership) {
        return day(membership.joinedOn())
                | (long) membership.category().ordinal() << 21
                | (long) (membership.gender() == null ? 0 : membership.gender().ordinal() + 1) << 24
                | (membership.transferredIn() ? 1L : 0L) << 26
                | (long)
                                (membership.exitReason() == null
                                        ? 0
                                        : membership.exitReason().ordinal() + 1)
                        << 27
                | (long) position << 31;
    }

    private static long encodeSecond(MembershipFacts membership) {
        return day(membership.birthDate()) | day(membership.exitedOn()) << DAY_BITS;
    }

    private static int position(long first) {
        return (int) (first >>> 31);
    }

    private static MembershipFacts decode(long organizationId, long first, long second) {
        int gender = (int) (first >>> 24) & 3;
        int reason = (int) (first >>> 27) & 15;
        LocalDate exited = date(second >>> DAY_BITS);
        return new MembershipFacts(
                0,
                organizationId,
                "",
                CATEGORIES[(int) (first >>> 21) & 7],
                gender == 0 ? null : GENDERS[gender - 1],
                date(second),
                date(first),
                exited,
                reason == 0 ? null : REASONS[reason - 1],
                exited == null ? MembershipStatus.ACTIVE : MembershipStatus.EXITED,
                ((first >>> 26) & 1) == 1);
    }

    private static long day(LocalDate date) {
        if (date == null) {
            return 0;
        }
        long stored = date.toEpochDay() + DAY_OFFSET;
        if (stored <= 0 || stored > DAY_MASK) {
            throw new IllegalArgumentException("A date the statistics cannot count: " + date);
        }
        return stored;
    }

    private static LocalDate date(long bits) {
        long stored = bits & DAY_MASK;
        return stored == 0 ? null : LocalDate.ofEpochDay(stored - DAY_OFFSET);
    }

    /** A growing array of long pairs. */
    private static final class LongPairs {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long first, long second) {
            if (2 * size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
            }
            values[2 * size] = first;
            values[2 * size + 1] = second;
            size++;
        }

        int size() {
            return size;
        }

        long first(int i) {
            return values[2 * i];
        }

        long second(int i) {
            return values[2 * i + 1];
        }
    }
}

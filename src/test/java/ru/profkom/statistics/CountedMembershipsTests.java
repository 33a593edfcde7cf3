package ru.profkom.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MembershipFacts;
import ru.profkom.statistics.StatisticsRepository.OrganizationRow;

/** The recount's compact memberships: the tree's post-order, and nothing lost by the encoding. */
class CountedMembershipsTests {

    // 1 ─┬─ 2 ─┬─ 4
    //    │     └─ 3
    //    └─ 5 ── 6        7 (a second root)
    private static final List<OrganizationRow> TREE =
            List.of(row(5, 1L), row(1, null), row(4, 2L), row(2, 1L), row(3, 2L), row(6, 5L), row(7, null));

    @Test
    void ordersEveryOrganizationAfterItsWholeSubtree() {
        assertThat(CountedMemberships.postOrder(TREE)).containsExactly(3L, 4L, 2L, 6L, 5L, 1L, 7L);
    }

    @Test
    void givesEachOrganizationExactlyWhatItsMembershipsContribute() {
        Random random = new Random(7);
        List<MembershipFacts> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            all.add(randomMembership(random, 1 + random.nextInt(8)));
        }
        CountedMemberships counted = CountedMemberships.load(TREE, all::forEach);

        assertThat(counted.memberships()).isEqualTo(all.size());
        // Organization 8 is not in the tree: its memberships count at a root of its own, after the tree.
        assertThat(counted.organizations()).isEqualTo(8);
        assertThat(counted.organizationId(7)).isEqualTo(8);
        assertThat(counted.parent(7)).isEqualTo(-1);
        Map<Long, Integer> positions = new HashMap<>();
        for (int position = 0; position < counted.organizations(); position++) {
            positions.put(counted.organizationId(position), position);
        }
        assertThat(counted.parent(positions.get(4L))).isEqualTo(positions.get(2L));
        assertThat(counted.parent(positions.get(1L))).isEqualTo(-1);
        for (long organization = 1; organization <= 8; organization++) {
            Changes expected = new Changes();
            for (MembershipFacts membership : all) {
                if (membership.organizationId() == organization) {
                    expected.add(membership, 1);
                }
            }
            Changes actual = new Changes();
            counted.addTo(actual, positions.get(organization));
            assertThat(sorted(actual)).as("organization %d", organization).isEqualTo(sorted(expected));
        }
    }

    @Test
    void refusesADateOutsideWhatItCanHold() {
        MembershipFacts absurd = new MembershipFacts(
                1,
                1,
                "/1/",
                Category.WORKER,
                Gender.F,
                null,
                LocalDate.of(9999, 1, 1),
                null,
                null,
                MembershipStatus.ACTIVE,
                false);
        assertThatThrownBy(() -> CountedMemberships.load(TREE, List.of(absurd)::forEach))
                .hasMessageContaining("9999-01-01");
    }

    private static Map<String, List<Long>> sorted(Changes changes) {
        Map<String, List<Long>> rows = new java.util.TreeMap<>();
        changes.nonZero()
                .forEach((key, values) -> rows.put(
                        key.organizationId() + " " + key.day(),
                        java.util.Arrays.stream(values).boxed().toList()));
        return rows;
    }

    private static MembershipFacts randomMembership(Random random, long organization) {
        LocalDate joined = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(13_000));
        boolean exited = random.nextInt(3) == 0;
        ExitReason[] reasons = ExitReason.values();
        Gender[] genders = Gender.values();
        return new MembershipFacts(
                random.nextLong(1, Long.MAX_VALUE),
                organization,
                "",
                Category.values()[random.nextInt(Category.values().length)],
                random.nextInt(5) == 0 ? null : genders[random.nextInt(genders.length)],
                random.nextInt(10) == 0 ? null : LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25_000)),
                joined,
                exited ? joined.plusDays(1 + random.nextInt(3_000)) : null,
                exited && random.nextInt(4) > 0 ? reasons[random.nextInt(reasons.length)] : null,
                exited ? MembershipStatus.EXITED : MembershipStatus.ACTIVE,
                random.nextBoolean());
    }

    private static OrganizationRow row(long id, Long parent) {
        return new OrganizationRow(id, parent, parent == null ? 0 : 1, "/" + id + "/", 0, 0);
    }
}

package ru.profkom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.profkom.members.generators.MemberGenerator;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Inn;
import ru.profkom.shared.Phones;

class UnionGeneratorTests {

    @Test
    void generatesTheSameUnionForTheSameSeed() {
        List<GeneratedOrganization> first =
                UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH).toList();
        List<GeneratedOrganization> second =
                UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH).toList();

        assertThat(second).isEqualTo(first);
    }

    /**
     * The demo unions of every sector, pinned: a change of a word list's order, of its spelling or of the way the
     * generator draws from it shows here. The fingerprint was taken before the word lists moved to demo/*.txt.
     */
    @Test
    void generatesTheVeryUnionsItGeneratedBeforeTheWordListsMovedToFiles() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Sector sector : Sector.values()) {
            UnionGenerator.organizations(UnionScale.DEMO, sector)
                    .forEach(o -> digest.update((o + "\n").getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("21957d5bcd93aa26bb32eefd790e0285c9fe3077b3924898dafb3b4aa1d5c802");
        assertThat(UnionGenerator.STREETS).hasSize(32).startsWith("ул. Ленина").endsWith("пер. Почтовый");
        assertThat(UnionGenerator.MINES).hasSize(30).contains("имени С. М. Кирова");
    }

    @Test
    void generatesAnotherUnionForAnotherSeed() {
        List<GeneratedOrganization> usual =
                UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH).toList();
        List<GeneratedOrganization> other =
                UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH, 42).toList();

        assertThat(other).isNotEqualTo(usual);
        assertThat(other).hasSameSizeAs(usual);
    }

    @Test
    void generatesASmallDemoUnionWithSixRegions() {
        Map<OrganizationKind, Integer> kinds = new EnumMap<>(OrganizationKind.class);
        UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH)
                .forEach(o -> kinds.merge(o.kind(), 1, Integer::sum));

        assertThat(kinds.get(OrganizationKind.UNION)).isEqualTo(1);
        assertThat(kinds.get(OrganizationKind.REGIONAL)).isEqualTo(6);
        assertThat(kinds.get(OrganizationKind.TERRITORIAL)).isEqualTo(30);
        assertThat(kinds.get(OrganizationKind.PRIMARY)).isBetween(200, 270);
        assertThat(kinds.get(OrganizationKind.SHOP)).isBetween(1, 60);
    }

    @Test
    void generatesAFederationOfExactlyOneHundredFiftyThousandWellFormedOrganizations() {
        FederationCheck check = new FederationCheck();
        UnionGenerator.organizations(UnionScale.FEDERATION, Sector.EDUCATION).forEach(check::see);

        assertThat(check.count).isEqualTo(150_000);
        assertThat(check.kinds.get(OrganizationKind.UNION)).isEqualTo(1);
        assertThat(check.kinds.get(OrganizationKind.REGIONAL)).isEqualTo(80);
        assertThat(check.kinds.get(OrganizationKind.TERRITORIAL)).isEqualTo(2_359);
        assertThat(check.kinds.get(OrganizationKind.PRIMARY)).isGreaterThan(140_000);
        assertThat(check.problems).isEmpty();
        assertThat(check.territorialDescendants.values()).contains(5_000);
    }

    @Test
    void givesEveryEmployerAHeadcountRealisticForItsTypeAndSmallInTheDemo() {
        for (Sector sector : Sector.values()) {
            UnionGenerator.organizations(UnionScale.DEMO, sector)
                    .filter(o -> o.kind() == OrganizationKind.PRIMARY)
                    .forEach(o -> assertThat(o.headcount())
                            .as(o.employerName())
                            .isBetween(
                                    Math.min(o.employerType().minHeadcount(), 300),
                                    Math.min(o.employerType().maxHeadcount(), 400)));
        }
    }

    @Test
    void leavesTheHeadcountToThePrimaryOrganizationInTheDemoSoThatItIsNotCountedTwice() {
        assertThat(UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH)
                        .filter(o -> o.kind() == OrganizationKind.SHOP))
                .isNotEmpty()
                .allSatisfy(shop -> assertThat(shop.headcount()).isNull());
    }

    @Test
    void namesPrimaryOrganizationsAfterTheirEmployers() {
        List<GeneratedOrganization> health =
                UnionGenerator.organizations(UnionScale.DEMO, Sector.HEALTH).toList();
        List<GeneratedOrganization> coal =
                UnionGenerator.organizations(UnionScale.DEMO, Sector.COAL).toList();

        assertThat(health)
                .filteredOn(o -> o.kind() == OrganizationKind.REGIONAL)
                .extracting(GeneratedOrganization::fullName)
                .contains("Московская областная организация Профсоюза работников здравоохранения РФ");
        assertThat(health)
                .filteredOn(o -> o.kind() == OrganizationKind.REGIONAL)
                .extracting(GeneratedOrganization::shortName)
                .contains("Московская обл. организация");
        assertThat(health).extracting(GeneratedOrganization::shortName).contains("Коломенская городская организация");
        assertThat(health)
                .extracting(GeneratedOrganization::employerName)
                .contains("ГБУЗ МО «Коломенская областная больница»");
        assertThat(coal)
                .extracting(GeneratedOrganization::employerName)
                .anyMatch(name -> name != null && name.startsWith("Шахта «"));
        assertThat(health)
                .filteredOn(o -> o.kind() == OrganizationKind.PRIMARY)
                .allMatch(o -> o.fullName().startsWith("Первичная профсоюзная организация ")
                        && o.bodies().stream().anyMatch(b -> b.name().equals("Профсоюзный комитет")));
    }

    @Test
    void agreesSurnamesWithTheGenderOfTheName() {
        assertThat(MemberGenerator.surname("Иванов", true)).isEqualTo("Иванова");
        assertThat(MemberGenerator.surname("Соловьёв", true)).isEqualTo("Соловьёва");
        assertThat(MemberGenerator.surname("Ильин", true)).isEqualTo("Ильина");
        assertThat(MemberGenerator.surname("Вишневский", true)).isEqualTo("Вишневская");
        assertThat(MemberGenerator.surname("Толстой", true)).isEqualTo("Толстая");
        assertThat(MemberGenerator.surname("Шевченко", true)).isEqualTo("Шевченко");
        assertThat(MemberGenerator.surname("Черных", true)).isEqualTo("Черных");

        UnionGenerator.organizations(UnionScale.DEMO, Sector.EDUCATION)
                .map(GeneratedOrganization::chairName)
                .forEach(name -> {
                    String[] parts = name.split(" ");
                    assertThat(parts).as(name).hasSize(3);
                    boolean woman = parts[2].endsWith("на");
                    if (woman) {
                        assertThat(parts[0]).as(name).doesNotEndWith("ов").doesNotEndWith("ев");
                    } else {
                        assertThat(parts[2]).as(name).matches(".*(ич)$");
                        assertThat(parts[0]).as(name).doesNotEndWith("ова").doesNotEndWith("ская");
                    }
                });
    }

    @Test
    void splitsTotalsInProportionWithinBounds() {
        int[] parts = UnionPlan.apportion(
                10, new double[] {1, 1, 2}, new int[] {1, 1, 1}, new int[] {Integer.MAX_VALUE, 2, Integer.MAX_VALUE});

        assertThat(parts).containsExactly(3, 2, 5);
    }

    /** Checks the federation while it streams by, holding only what the checks need. */
    private static final class FederationCheck {
        int count;
        final Map<OrganizationKind, Integer> kinds = new EnumMap<>(OrganizationKind.class);
        final Map<Long, OrganizationKind> kindById = new HashMap<>();
        final Map<Long, Long> parentById = new HashMap<>();
        final Map<Long, Integer> territorialDescendants = new HashMap<>();
        final Set<String> codes = new HashSet<>();
        final Set<String> employerInns = new HashSet<>();
        final java.util.List<String> problems = new java.util.ArrayList<>();

        void see(GeneratedOrganization o) {
            count++;
            if (o.id() != count) {
                problem("id " + o.id() + " where " + count + " was expected");
            }
            kinds.merge(o.kind(), 1, Integer::sum);
            kindById.put(o.id(), o.kind());
            parentById.put(o.id(), o.parentId());
            if (o.parentId() == null) {
                if (o.kind() != OrganizationKind.UNION) {
                    problem(o.code() + " has no parent");
                }
            } else {
                OrganizationKind parentKind = kindById.get(o.parentId());
                if (parentKind == null || !parentKind.mayContain(o.kind())) {
                    problem(o.code() + " stands under " + parentKind);
                }
            }
            for (Long ancestor = o.parentId(); ancestor != null; ancestor = parentById.get(ancestor)) {
                if (kindById.get(ancestor) == OrganizationKind.TERRITORIAL) {
                    territorialDescendants.merge(ancestor, 1, Integer::sum);
                }
            }
            if (!codes.add(o.code())) {
                problem("duplicate code " + o.code());
            }
            if (o.code().length() > 32) {
                problem("code too long " + o.code());
            }
            if (o.inn() != null && !Inn.isValid(o.inn())) {
                problem("invalid INN " + o.inn() + " of " + o.code());
            }
            if (o.kind() == OrganizationKind.PRIMARY) {
                if (!Inn.isValid(o.employerInn())) {
                    problem("invalid employer INN " + o.employerInn() + " of " + o.code());
                }
                if (!employerInns.add(o.employerInn())) {
                    problem("duplicate employer INN " + o.employerInn());
                }
            }
            if (o.phone() != null && !Phones.normalize(o.phone()).orElse("").equals(o.phone())) {
                problem("phone " + o.phone() + " of " + o.code());
            }
            if (o.fullName().length() > 500 || o.shortName().length() > 200) {
                problem("name too long " + o.code());
            }
        }

        private void problem(String problem) {
            if (problems.size() < 20) {
                problems.add(problem);
            }
        }
    }
}

package ru.profkom.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.BeforeTry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * After random sequences of joins (some backdated, some of the young), exits by any reason,
 * transfers, category changes and subtree moves, the incremental counters equal a recount from the
 * registry, and the figures equal a count of the operations. jqwik runs the tries; the Spring context
 * is the shared one of the integration tests, injected by Spring's TestContextManager.
 */
@ProfkomIntegrationTest
@Tag("database")
class StatisticsPropertyTests {

    @Autowired
    MembershipStatistics statistics;

    @Autowired
    Members members;

    @Autowired
    Organizations organizations;

    @Autowired
    Fixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeTry
    void injectSpring() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    sealed interface Step {}

    record Join(int primary, Category category, Gender gender, int age, int daysAgo) implements Step {}

    record Exit(int member, ExitReason reason) implements Step {}

    record Transfer(int member, int primary) implements Step {}

    record Recategorize(int member, Category category) implements Step {}

    record Move(int primary, int territorial) implements Step {}

    @Property(tries = 8)
    void incrementalFiguresEqualTheRecount(@ForAll("steps") List<Step> steps) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        long region = fixture.organization(fixture.union(), OrganizationKind.REGIONAL, "Свойство");
        List<Long> territorials = new ArrayList<>();
        List<Long> primaries = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            territorials.add(fixture.organization(region, OrganizationKind.TERRITORIAL, "Т" + t));
        }
        for (int p = 0; p < 3; p++) {
            primaries.add(fixture.organization(territorials.get(p % 2), OrganizationKind.PRIMARY, "П" + p));
        }
        List<Long> memberships = new ArrayList<>();
        List<Boolean> current = new ArrayList<>();
        long expected = 0;
        for (Step step : steps) {
            switch (step) {
                case Join join -> {
                    PersonData person = new PersonData(
                            "Свойствова" + Fixture.next(),
                            "Анна",
                            null,
                            today.minusYears(join.age()).minusDays(join.daysAgo()),
                            join.gender(),
                            null,
                            null,
                            null,
                            null,
                            null);
                    Member member = CurrentActor.asSystem(() -> members.register(
                            primaries.get(join.primary() % primaries.size()),
                            person,
                            new MembershipData(
                                    MembershipStatus.ACTIVE, today.minusDays(join.daysAgo()), null, join.category())));
                    memberships.add(member.memberships().getFirst().id());
                    persons.put(member.memberships().getFirst().id(), member.id());
                    current.add(true);
                    expected++;
                }
                case Exit exit
                when !memberships.isEmpty() -> {
                    int index = exit.member() % memberships.size();
                    if (current.get(index)) {
                        long id = memberships.get(index);
                        CurrentActor.asSystem(() -> members.exit(id, exit.reason(), today));
                        current.set(index, false);
                        expected--;
                    }
                }
                case Transfer transfer
                when !memberships.isEmpty() -> {
                    int index = transfer.member() % memberships.size();
                    long target = primaries.get(transfer.primary() % primaries.size());
                    long id = memberships.get(index);
                    boolean elsewhere = CurrentActor.asSystem(() -> members.get(member(id))).memberships().stream()
                            .anyMatch(m -> m.id() == id && m.organizationId() != target);
                    if (current.get(index) && elsewhere) {
                        Member moved = CurrentActor.asSystem(() -> members.transfer(id, target, today));
                        long newId = moved.memberships().stream()
                                .filter(m -> m.status() == MembershipStatus.ACTIVE)
                                .findFirst()
                                .map(m -> m.id())
                                .orElse(id);
                        persons.put(newId, moved.id());
                        memberships.set(index, newId);
                    }
                }
                case Recategorize change
                when !memberships.isEmpty() -> {
                    long id = memberships.get(change.member() % memberships.size());
                    CurrentActor.asSystem(() -> members.changeCategory(id, change.category()));
                }
                case Move move -> {
                    long primary = primaries.get(move.primary() % primaries.size());
                    long territorial = territorials.get(move.territorial() % territorials.size());
                    CurrentActor.asSystem(() -> organizations.move(primary, territorial));
                }
                default -> {}
            }
        }
        StatisticsSettled.await(jdbc);

        long counted =
                CurrentActor.asSystem(() -> statistics.figures(region, today).members());
        RecountReport report = CurrentActor.asSystem(() -> statistics.recount());

        assertThat(counted).isEqualTo(expected);
        assertThat(report.differences()).isEmpty();
    }

    private final java.util.Map<Long, Long> persons = new java.util.HashMap<>();

    private long member(long membershipId) {
        return persons.get(membershipId);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 50);
        Arbitrary<Step> join = Combinators.combine(
                        index,
                        Arbitraries.of(Category.class),
                        Arbitraries.of(Gender.M, Gender.F),
                        Arbitraries.integers().between(18, 70),
                        Arbitraries.integers().between(0, 3000))
                .as(Join::new);
        Arbitrary<Step> exit = Combinators.combine(
                        index,
                        Arbitraries.of(
                                ExitReason.OWN_WISH,
                                ExitReason.DISMISSAL,
                                ExitReason.RETIREMENT,
                                ExitReason.DEATH,
                                ExitReason.EXPULSION))
                .as(Exit::new);
        Arbitrary<Step> transfer = Combinators.combine(index, index).as(Transfer::new);
        Arbitrary<Step> recategorize =
                Combinators.combine(index, Arbitraries.of(Category.class)).as(Recategorize::new);
        Arbitrary<Step> move = Combinators.combine(index, index).as(Move::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, join),
                        net.jqwik.api.Tuple.of(2, exit),
                        net.jqwik.api.Tuple.of(2, transfer),
                        net.jqwik.api.Tuple.of(2, recategorize),
                        net.jqwik.api.Tuple.of(1, move))
                .list()
                .ofMinSize(3)
                .ofMaxSize(14);
    }
}

package ru.profkom.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEvents.MemberJoined;
import ru.profkom.members.MembershipFacts;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.support.Fixture;
import ru.profkom.support.ModuleTestConfiguration;
import ru.profkom.support.TestDatabase;

/**
 * The statistics as a read model of events alone: a {@link MemberJoined} published by nobody but the test (no
 * registry call, no membership row) is counted into the figures of its organization and of the organization above.
 */
@Tag("database")
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(ModuleTestConfiguration.class)
class StatisticsModuleTests {

    @Autowired
    MembershipStatistics statistics;

    @Autowired
    Organizations organizations;

    @Test
    void countsAPublishedMemberJoinedIntoTheFiguresOfItsOrganizationAndItsAncestors(Scenario scenario) {
        Organization union = CurrentActor.asSystem(() -> organizations.createUnion(
                Fixture.form(OrganizationKind.UNION, Fixture.unique("UNI"), "Профсоюз статистики")));
        Organization primary = CurrentActor.asSystem(() -> organizations.createChild(
                union.id(), Fixture.form(OrganizationKind.PRIMARY, Fixture.unique("PPO"), "ППО статистики")));
        LocalDate joinedOn = LocalDate.of(2020, 3, 10);
        LocalDate later = LocalDate.of(2021, 1, 1);
        MembershipFacts facts = new MembershipFacts(
                1L,
                primary.id(),
                primary.path(),
                Category.WORKER,
                Gender.F,
                LocalDate.of(1990, 2, 1),
                joinedOn,
                null,
                null,
                MembershipStatus.ACTIVE,
                false);

        scenario.publish(new MemberJoined(
                        1L, 1L, primary.id(), primary.path(), Category.WORKER, joinedOn, Actor.SYSTEM, facts))
                .andWaitForStateChange(() -> membersOf(primary.id(), later), members -> members > 0)
                .andVerify(members -> {
                    assertThat(members).isEqualTo(1);
                    assertThat(membersOf(union.id(), later)).isEqualTo(1);
                    assertThat(membersOf(primary.id(), joinedOn.minusDays(1))).isZero();
                });
    }

    private long membersOf(long organizationId, LocalDate date) {
        return CurrentActor.asSystem(
                () -> statistics.figures(organizationId, date).members());
    }
}

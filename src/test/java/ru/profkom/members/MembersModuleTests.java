package ru.profkom.members;

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
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.support.Fixture;
import ru.profkom.support.ModuleTestConfiguration;
import ru.profkom.support.TestDatabase;

/**
 * The registry on its own, with only the modules it may depend on (the tree and the shared vocabulary): registering
 * a member publishes the {@link MemberJoined} the statistics and the audit log are built from.
 */
@Tag("database")
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(ModuleTestConfiguration.class)
class MembersModuleTests {

    @Autowired
    Members members;

    @Autowired
    Organizations organizations;

    @Test
    void registeringAMemberPublishesMemberJoinedWithTheOrganizationAndTheJoiningDay(Scenario scenario) {
        Organization union = CurrentActor.asSystem(() -> organizations.createUnion(
                Fixture.form(OrganizationKind.UNION, Fixture.unique("UNI"), "Модульный профсоюз")));
        Organization primary = CurrentActor.asSystem(() -> organizations.createChild(
                union.id(), Fixture.form(OrganizationKind.PRIMARY, Fixture.unique("PPO"), "ППО модульная")));
        LocalDate joinedOn = LocalDate.of(2020, 3, 10);
        PersonData person = new PersonData(
                Fixture.uniqueSurname("Модульнова"),
                "Анна",
                null,
                LocalDate.of(1990, 2, 1),
                Gender.F,
                null,
                null,
                null,
                null,
                null);

        scenario.stimulate(() -> CurrentActor.asSystem(() -> members.register(
                        primary.id(),
                        person,
                        new MembershipData(MembershipStatus.ACTIVE, joinedOn, null, Category.WORKER))))
                .andWaitForEventOfType(MemberJoined.class)
                .matching(joined -> joined.organizationId() == primary.id())
                .toArriveAndVerify((joined, member) -> {
                    assertThat(joined.personId()).isEqualTo(member.id());
                    assertThat(joined.organizationPath()).isEqualTo(primary.path());
                    assertThat(joined.category()).isEqualTo(Category.WORKER);
                    assertThat(joined.joinedOn()).isEqualTo(joinedOn);
                });
    }
}

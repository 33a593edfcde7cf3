package ru.profkom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;

@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:demo-union;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "profkom.publications.index-dir=${java.io.tmpdir}/profkom-demo-index-${random.uuid}",
            "profkom.demo.load=true"
        })
class DemoUnionTests {

    @Autowired
    DemoStartup startup;

    @Autowired
    DemoUnion demoUnion;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    ActingAccount acting;

    @Test
    void loadsTheDemoUnionWithSixAccountsOnFirstStart() {
        assertThat(CurrentActor.asSystem(organizations::count)).isEqualTo(UnionScale.DEMO.organizations());
        assertThat(CurrentActor.asSystem(accounts::count)).isEqualTo(6);

        List<RoleGrantView> chair = acting.asRequest(acting.principal("chair"), accounts::myGrants);
        List<RoleGrantView> city = acting.asRequest(acting.principal("city"), accounts::myGrants);
        assertThat(chair).singleElement().extracting(RoleGrantView::role).isEqualTo(Role.CHAIR);
        assertThat(city).singleElement().extracting(RoleGrantView::role).isEqualTo(Role.ORG_ADMIN);
        long primaryId = chair.getFirst().organizationId();
        long territorialId = city.getFirst().organizationId();
        CurrentActor.asSystem(() -> {
            assertThat(organizations.get(primaryId).kind()).isEqualTo(OrganizationKind.PRIMARY);
            assertThat(organizations.get(territorialId).kind()).isEqualTo(OrganizationKind.TERRITORIAL);
            assertThat(organizations.isWithin(primaryId, territorialId)).isTrue();
        });
        // The city administrator sees the primary organization; the member sees only their own.
        assertThat(acting.asRequest(acting.principal("city"), () -> organizations.canRead(primaryId)))
                .isTrue();
        assertThat(acting.asRequest(acting.principal("member"), () -> organizations.canRead(territorialId)))
                .isFalse();
    }

    @Test
    void doesNotLoadAgainWhenOrganizationsExist() throws Exception {
        startup.run(null);

        assertThat(CurrentActor.asSystem(organizations::count)).isEqualTo(UnionScale.DEMO.organizations());
        assertThat(CurrentActor.asSystem(accounts::count)).isEqualTo(6);
        assertThat(demoUnion.load(UnionScale.DEMO, Sector.HEALTH, o -> {})).isEmpty();
    }

    @Test
    void printsTheLoginsWithTheirRolesAndOrganizations() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        demoUnion.printLogins(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains(DemoUnion.PASSWORD)
                .contains("admin", "region", "city", "chair", "info", "member")
                .contains("администратор профсоюза", "председатель", "Московская обл. организация");
    }
}

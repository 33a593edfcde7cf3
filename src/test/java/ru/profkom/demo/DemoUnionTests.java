package ru.profkom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberQuery;
import ru.profkom.members.Members;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.Album;
import ru.profkom.portal.NewsItem;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.PublicSite;
import ru.profkom.publications.InfoPackage;
import ru.profkom.publications.InfoPackages;
import ru.profkom.publications.RouteStatus;
import ru.profkom.publications.UpwardRoutes;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipStatistics;

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

    @Autowired
    MembershipStatistics statistics;

    @Autowired
    Members members;

    @Autowired
    PortalSites sites;

    @Autowired
    PortalAlbums albums;

    @Autowired
    InfoPackages packages;

    @Autowired
    UpwardRoutes routes;

    /**
     * Issue 13.22: every primary organization has members in proportion to its headcount, so the levels a
     * newcomer sees up the whole line of the tree stand where real ones do, not at 4 %.
     */
    @Test
    void givesEveryLevelOfTheDemoLineAMembershipLevelOfARealUnion() {
        long primaryId = grantOf("chair").organizationId();
        long territorialId = grantOf("city").organizationId();
        long regionalId = grantOf("region").organizationId();
        long unionId = grantOf("admin").organizationId();

        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> CurrentActor.asSystem(() -> {
                    for (long id : List.of(primaryId, territorialId, regionalId, unionId)) {
                        MembershipFigures figures = statistics.figures(id, null);
                        assertThat(figures.membershipLevel())
                                .as(
                                        "membership level of %s: %s members for %s employees",
                                        id, figures.members(), figures.headcount())
                                .isBetween(40.0, 95.0);
                    }
                    assertThat(statistics
                                    .childrenFigures(territorialId, null, PageRequest.of(0, 100))
                                    .items())
                            .filteredOn(child -> child.kind() == OrganizationKind.PRIMARY)
                            .isNotEmpty()
                            .allSatisfy(child -> assertThat(child.figures().membershipLevel())
                                    .as(child.shortName())
                                    .isBetween(40.0, 95.0));
                }));
        CurrentActor.asSystem(() -> assertThat(organizations.get(primaryId).headcount())
                .as("a small employer keeps the demo small")
                .isBetween(30, 400));
    }

    @Test
    void seedsALittleOfEverythingForTheScreensANewcomerOpens() {
        long primaryId = grantOf("chair").organizationId();
        long regionalId = grantOf("region").organizationId();
        CurrentActor.asSystem(() -> {
            PublicSite site = sites.publicSite(DemoContent.SITE_SLUG).orElseThrow();
            assertThat(site.organizationId()).isEqualTo(primaryId);
            assertThat(sites.news(site, PageRequest.of(0, 10)).items())
                    .extracting(NewsItem::title)
                    .contains(DemoContent.PUBLISHED_NEWS);
            Album album = albums.publicAlbums(site, PageRequest.of(0, 10)).items().stream()
                    .filter(a -> a.title().equals(DemoContent.ALBUM))
                    .findFirst()
                    .orElseThrow();
            assertThat(albums.publicPhotos(album, PageRequest.of(0, 10)).items())
                    .hasSize(2);

            assertThat(packages.sent(regionalId, PageRequest.of(0, 10)).items())
                    .extracting(InfoPackage::title)
                    .containsExactly(DemoContent.PACKAGE);
            assertThat(packages.inbox(primaryId, false, PageRequest.of(0, 10)).items())
                    .extracting(InfoPackage::title)
                    .contains(DemoContent.PACKAGE);

            assertThat(routes.outgoing(primaryId, PageRequest.of(0, 10)).items())
                    .filteredOn(route -> route.publicationTitle().equals(DemoContent.RETURNED_NEWS))
                    .singleElement()
                    .satisfies(route -> {
                        assertThat(route.status()).isEqualTo(RouteStatus.RETURNED);
                        assertThat(route.reply()).contains("фотографии");
                    });

            assertThat(members.search(
                                    new MemberQuery(
                                            DemoContent.APPLICANT_SURNAME,
                                            primaryId,
                                            MembershipStatus.APPLICATION,
                                            null,
                                            null,
                                            null),
                                    PageRequest.of(0, 10))
                            .items())
                    .hasSize(1);
        });
    }

    private RoleGrantView grantOf(String login) {
        return acting.asRequest(acting.principal(login), accounts::myGrants).getFirst();
    }

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

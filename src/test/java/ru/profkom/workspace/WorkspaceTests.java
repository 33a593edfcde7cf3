package ru.profkom.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.members.JoinApplications;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.SiteForm;
import ru.profkom.publications.InfoPackage;
import ru.profkom.publications.InfoPackageDraft;
import ru.profkom.publications.InfoPackages;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.shared.WorkItem;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** Every task source lists what waits in the person's own subtrees, and nothing of another region. */
@ProfkomIntegrationTest
class WorkspaceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Workspace workspace;

    @Autowired
    JoinApplications applications;

    @Autowired
    InfoPackages packages;

    @Autowired
    PortalSites sites;

    @Autowired
    Notifications notifications;

    @Autowired
    ru.profkom.statisticalreports.StatisticalReports reports;

    @Test
    void aJoinApplicationWaitsForTheChairAndTheRegionButNotForAnotherRegion() {
        long primary = fixture.primary(fixture.territorialA1(), null, 120);
        long sibling = fixture.primary(fixture.territorialA1(), null, 80);
        String chair = fixture.account(primary, Role.CHAIR);
        String siblingChair = fixture.account(sibling, Role.CHAIR);
        String surname = Fixture.uniqueSurname("Заявитель");
        long membershipId = apply(primary, surname);

        WorkItem item = only(tasksOf(chair), "JOIN_APPLICATION", primary);
        assertThat(item.key()).isEqualTo("JOIN_APPLICATION:" + membershipId);
        assertThat(item.title()).contains(surname);
        assertThat(item.link()).isEqualTo("/orgs/" + primary + "/site#applications");
        assertThat(tasksOf(Fixture.ADMIN_A)).extracting(WorkItem::key).contains(item.key());
        assertThat(tasksOf(Fixture.ADMIN_B))
                .extracting(WorkItem::organizationId)
                .doesNotContain(primary);
        assertThat(tasksOf(siblingChair)).extracting(WorkItem::key).doesNotContain(item.key());
        assertThat(tasksOf(Fixture.MEMBER_A1)).isEmpty();
    }

    @Test
    void anUnopenedPackageIsDueWhenItsReminderWouldGo() {
        long primary = fixture.primary(fixture.territorialA1(), null, 50);
        String chair = fixture.account(primary, Role.CHAIR);
        String title = Fixture.unique("Пакет к съезду");
        InfoPackage sent = actors.as(
                Fixture.ADMIN_A,
                () -> packages.send(
                        fixture.regionA(),
                        new InfoPackageDraft(title, "<p>Материалы</p>", Set.of(OrganizationKind.PRIMARY), 5)));

        WorkItem item = tasksOf(chair).stream()
                .filter(task ->
                        task.kind().equals("UNOPENED_PACKAGE") && task.title().equals(title))
                .findFirst()
                .orElseThrow();
        assertThat(item.deadline())
                .isEqualTo(LocalDate.ofInstant(sent.createdAt(), java.time.ZoneId.of("Europe/Moscow"))
                        .plusDays(5));
        assertThat(item.link()).isEqualTo("/packages/" + sent.id());
        assertThat(tasksOf(Fixture.ADMIN_B)).extracting(WorkItem::title).doesNotContain(title);

        actors.run(chair, () -> packages.open(sent.id()));
        assertThat(tasksOf(chair)).extracting(WorkItem::title).doesNotContain(title);
    }

    @Test
    void theYearlyReportIsDueForThePrimaryAndLateForItsParentOnly() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Тестовая районная");
        long primary = fixture.primary(territorial, null, 40);
        String chair = fixture.account(primary, Role.CHAIR);
        String territorialAdmin = fixture.account(territorial, Role.ORG_ADMIN);

        WorkItem due = only(tasksOf(chair), "REPORT_DUE", primary);
        // The deadline is the statistical reports' own rule, not the workspace's.
        assertThat(due.deadline()).isEqualTo(reports.deadline(reports.defaultYear()));
        assertThat(due.deadline()).isEqualTo(LocalDate.of(reports.defaultYear() + 1, 3, 1));
        assertThat(due.link()).startsWith("/orgs/" + primary + "/statistical-report");
        assertThat(tasksOf(territorialAdmin))
                .filteredOn(task -> task.kind().equals("REPORT_LATE"))
                .extracting(WorkItem::organizationId)
                .containsExactly(primary);
        assertThat(tasksOf(Fixture.ADMIN_B))
                .extracting(WorkItem::organizationId)
                .doesNotContain(primary);
    }

    @Test
    void aVisitorsMessageWaitsForThePageStaffOnly() {
        long primary = fixture.primary(fixture.territorialA1(), null, 30);
        String chair = fixture.account(primary, Role.CHAIR);
        String slug = Fixture.unique("ppo").toLowerCase().replace('_', '-');
        actors.run(chair, () -> sites.save(primary, new SiteForm(slug, null, null, null)));
        String author = Fixture.uniqueSurname("Посетитель");
        CurrentActor.asSystem(() -> sites.sendFeedback(
                sites.publicSite(slug).orElseThrow(), author, "visitor@example.ru", "Когда собрание?"));

        WorkItem item = only(tasksOf(chair), "FEEDBACK", primary);
        assertThat(item.title()).isEqualTo(author);
        assertThat(tasksOf(Fixture.ADMIN_B)).extracting(WorkItem::title).doesNotContain(author);
    }

    @Test
    void theBellCountsUnreadTasksUntilTheyAreMarkedRead() throws Exception {
        long primary = fixture.primary(fixture.territorialA1(), null, 20);
        String chair = fixture.account(primary, Role.CHAIR);
        apply(primary, Fixture.uniqueSurname("Колокольчик"));
        int before = tasksOf(chair).size();
        assertThat(before).isGreaterThanOrEqualTo(2);

        assertThat(bell(chair)).contains(">" + before + "<");
        mvc.perform(post("/notifications/read")
                .param("key", tasksOf(chair).getFirst().key())
                .with(actors.signedIn(chair)));
        assertThat(bell(chair)).contains(">" + (before - 1) + "<");
        mvc.perform(post("/notifications/read").with(actors.signedIn(chair)));
        assertThat(bell(chair)).doesNotContain("bell-count");
        assertThat(page(chair, "/")).contains("Заявление о вступлении", "/orgs/" + primary + "/site#applications");
    }

    @Test
    void aPersonSwitchesTheDigestOffInTheirProfile() throws Exception {
        String chair = fixture.account(fixture.primaryA1(), Role.CHAIR);
        assertThat(page(chair, "/me")).contains("id=\"digest-enabled\"", "checked");

        mvc.perform(post("/me/digest").with(actors.signedIn(chair)));

        assertThat(actors.as(chair, () -> notifications.digestEnabled())).isFalse();
        mvc.perform(post("/me/digest").param("enabled", "true").with(actors.signedIn(chair)));
        assertThat(actors.as(chair, () -> notifications.digestEnabled())).isTrue();
    }

    private long apply(long primary, String surname) {
        return CurrentActor.asSystem(() -> applications
                .receive(
                        primary,
                        new PersonData(
                                surname,
                                "Анна",
                                "Петровна",
                                LocalDate.of(1990, 5, 4),
                                null,
                                null,
                                null,
                                "zayavka@example.ru",
                                null,
                                null),
                        true)
                .orElseThrow());
    }

    private String bell(String login) throws Exception {
        return mvc.perform(get("/notifications/bell").with(actors.signedIn(login)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String login, String path) throws Exception {
        return mvc.perform(get(path).with(actors.signedIn(login)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private List<WorkItem> tasksOf(String login) {
        return actors.as(login, () -> workspace.myTasks(200));
    }

    private static WorkItem only(List<WorkItem> items, String kind, long organizationId) {
        List<WorkItem> matching = items.stream()
                .filter(item -> item.kind().equals(kind) && item.organizationId() == organizationId)
                .toList();
        assertThat(matching).as("%s of %d in %s", kind, organizationId, items).hasSize(1);
        return matching.getFirst();
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.JoinApplications;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/** The home lists a waiting application and leads to where it is decided; the bell counts what is unread. */
class WorkspaceBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations,
            @Autowired Accounts accounts,
            @Autowired JoinApplications applications) {
        fixture = BrowserFixture.build("home", organizations, accounts);
        CurrentActor.asSystem(() -> applications.receive(
                fixture.school17().id(),
                new PersonData(
                        "Заявкина",
                        "Ольга",
                        "Игоревна",
                        LocalDate.of(1994, 2, 11),
                        null,
                        null,
                        null,
                        "zayavkina@example.ru",
                        null,
                        null),
                true));
    }

    @Test
    void homeShowsTheWaitingApplicationAndLinksToIt() {
        signIn(fixture.chair(), BrowserFixture.PASSWORD);

        var task = page.getByTestId("tasks").locator("[data-kind=JOIN_APPLICATION]");
        assertThat(task).containsText("Заявкина Ольга Игоревна");
        assertThat(page.getByTestId("quick-actions")).containsText("Добавить члена профсоюза");
        assertThat(page.getByTestId("bell-count")).isVisible();
        assertThat(Integer.parseInt(page.getByTestId("bell-count").textContent().strip()))
                .isGreaterThanOrEqualTo(1);
        screenshot("home");

        task.getByTestId("task-link").click();
        assertThat(page)
                .hasURL(java.util.regex.Pattern.compile(
                        ".*/orgs/" + fixture.school17().id() + "/site#applications$"));
        assertThat(page.getByTestId("applications")).containsText("Заявкина");
    }

    @Test
    void theBellLeadsToTheNotificationsAndMarkingAllReadClearsItsCount() {
        signIn(fixture.chair(), BrowserFixture.PASSWORD);
        assertThat(page.getByTestId("bell-count")).isVisible();

        page.getByTestId("bell").click();
        assertThat(page.getByTestId("notifications")).containsText("Заявкина");
        page.getByTestId("read-all").click();
        assertThat(page.getByTestId("notifications").locator("[data-read=false]"))
                .hasCount(0);
        assertThat(page.getByTestId("bell")).isVisible();
        assertThat(page.getByTestId("bell-count")).hasCount(0);
    }
}

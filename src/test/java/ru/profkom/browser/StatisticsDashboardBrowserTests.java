package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/** A regional administrator opens the region's dashboard, sees the charts and drills into a city organization. */
class StatisticsDashboardBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations, @Autowired Accounts accounts, @Autowired Members members) {
        fixture = BrowserFixture.build("stat", organizations, accounts);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        CurrentActor.asSystem(() -> {
            for (int i = 0; i < 6; i++) {
                members.register(
                        (i % 2 == 0 ? fixture.school17() : fixture.kindergarten()).id(),
                        new PersonData(
                                "Диаграммова" + i,
                                "Мария",
                                null,
                                today.minusYears(22 + i * 7),
                                i % 3 == 0 ? Gender.M : Gender.F,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new MembershipData(
                                MembershipStatus.ACTIVE,
                                today.minusMonths(i * 2L),
                                null,
                                i == 5 ? Category.PENSIONER : Category.WORKER));
            }
        });
    }

    @Test
    void opensTheRegionsDashboardSeesTheChartsAndDrillsIntoACityOrganization() {
        long region = fixture.moscowRegion().id();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + region));
        page.getByTestId("tab-statistics").click();
        page.waitForURL(url("/orgs/" + region + "/statistics"));
        reloadUntilVisible(page.getByTestId("stat-members").getByText("6"));

        assertThat(page.getByTestId("chart-dynamics").locator("polyline")).hasCount(1);
        assertThat(page.getByTestId("chart-dynamics").locator("circle").first()).isVisible();
        assertThat(page.getByTestId("chart-category").locator("rect")).hasCount(4);
        assertThat(page.getByTestId("chart-gender")).isVisible();
        assertThat(page.getByTestId("ranking-slot")).isVisible();
        screenshot("dashboard-region");

        Locator podolsk = page.getByTestId("children").getByText("Подольская городская организация");
        podolsk.click();
        page.waitForURL(url("/orgs/" + fixture.podolsk().id() + "/statistics") + "?*");
        assertThat(page.getByTestId("org-name")).hasText("Подольская городская организация");
        assertThat(page.getByTestId("stat-members")).hasText("3");
        assertThat(page.getByTestId("children")).containsText("ППО школы № 17 г. Подольска");
        screenshot("dashboard-city");
    }
}

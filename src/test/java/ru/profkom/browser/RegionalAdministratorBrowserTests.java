package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;

/** A regional administrator finds a primary organization by name, moves it and reads the move back. */
class RegionalAdministratorBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("reg", organizations, accounts);
    }

    @Test
    void findsOrganizationInTreeMovesItAndSeesTheMoveInItsHistory() {
        long school = fixture.school17().id();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs"));
        assertThat(page.getByTestId("tree").locator(":scope > li > a")).hasText("Московская областная организация");

        page.locator("#org-search").pressSequentially("школы № 17");
        Locator hit = page.getByTestId("search-results").locator("a");
        assertThat(hit).hasCount(1);
        assertThat(hit).containsText("ППО школы № 17 г. Подольска");
        assertThat(hit).containsText("Подольская городская организация");
        screenshot("search");
        hit.click();
        expectCard(school, "ППО школы № 17 г. Подольска");

        page.locator("main")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Действия"))
                .click();
        page.locator("main .dropdown-menu").getByText("Перенести").click();
        page.waitForURL(url("/orgs/" + school + "/move"));
        assertThat(page.locator("main")).containsText("Подольская городская организация");

        page.locator("#candidate-search").pressSequentially("Химкинская");
        Locator candidate = page.getByTestId("candidates")
                .locator("label", new Locator.LocatorOptions().setHasText("Химкинская городская организация"));
        assertThat(candidate).hasCount(1);
        candidate.locator("input[type=radio]").check();
        screenshot("move");
        submit("Перенести");

        page.waitForURL(url("/orgs/" + school + "/history"));
        assertThat(page.locator("main [role=status]")).hasText("Организация перенесена.");
        Locator rows = page.getByTestId("placements").locator("tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0)).containsText("Химкинская городская организация");
        assertThat(rows.nth(0)).containsText("по настоящее время");
        assertThat(rows.nth(1)).containsText("Подольская городская организация");
        assertThat(page.getByTestId("breadcrumbs").locator("li")).hasText(new String[] {
            fixture.union().shortName(),
            "Московская областная организация",
            "Химкинская городская организация",
            "ППО школы № 17 г. Подольска"
        });
        screenshot("history");

        page.getByTestId("tab-audit").click();
        page.waitForURL(url("/orgs/" + school + "/audit"));
        reloadUntilVisible(page.getByTestId("audit").getByText("Организация перенесена"));
        assertThat(page.getByTestId("audit")
                        .locator("tr", new Locator.LocatorOptions().setHasText("Организация перенесена")))
                .containsText("Подольская городская организация → Химкинская городская организация");
        screenshot("audit");
    }

    @Test
    void doesNotOfferParentsOutsideOwnRegion() {
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + fixture.kindergarten().id() + "/move"));

        page.locator("#candidate-search").pressSequentially("городская");

        Locator candidates = page.getByTestId("candidates").locator("label");
        assertThat(candidates).hasCount(1);
        assertThat(candidates).containsText("Подольская городская организация");
        assertThat(page.getByTestId("candidates")).not().containsText("Тверская");
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;

/** The chair of a primary organization sees their own organization and nothing beside it. */
class PrimaryOrganizationUserBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("ppo", organizations, accounts);
    }

    @Test
    void seesOwnOrganizationCardWithBreadcrumbs() {
        signIn(fixture.chair(), BrowserFixture.PASSWORD);
        assertThat(page.getByTestId("my-roles")).containsText("Председатель");
        screenshot("home");

        page.getByTestId("my-roles").getByText(fixture.school17().shortName()).click();

        expectCard(fixture.school17().id(), "ППО школы № 17 г. Подольска");
        assertThat(page.getByTestId("breadcrumbs").locator("li")).hasText(new String[] {
            fixture.union().shortName(),
            "Московская областная организация",
            "Подольская городская организация",
            "ППО школы № 17 г. Подольска"
        });
        assertThat(page.getByTestId("org-details")).containsText(fixture.tag() + "-ППО-17");
        screenshot("card");
    }

    @Test
    void cannotOpenSiblingOrganization() {
        signIn(fixture.chair(), BrowserFixture.PASSWORD);

        Response response = page.navigate(url("/orgs/" + fixture.gymnasium5().id()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("Организация не найдена или недоступна вам.");
        assertThat(page.locator("main")).not().containsText(fixture.gymnasium5().shortName());
        screenshot("sibling-not-found");

        Response history = page.navigate(url("/orgs/" + fixture.gymnasium5().id() + "/history"));
        assertThat(history.status()).isEqualTo(404);
    }

    @Test
    void treeShowsOnlyOwnOrganizationAsRoot() {
        signIn(fixture.chair(), BrowserFixture.PASSWORD);

        page.navigate(url("/orgs"));

        assertThat(page.locator("[data-testid=tree] > li")).hasCount(1);
        assertThat(page.locator("[data-testid=tree] > li > a"))
                .hasText(fixture.school17().shortName());
        page.locator("#org-search").pressSequentially("Подольска");
        assertThat(page.locator("[data-testid=search-results] a")).hasCount(1);
        assertThat(page.locator("[data-testid=search-results] a"))
                .containsText(fixture.school17().shortName());
        screenshot("tree");
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;

/** The screens a chair opens on a phone fit its width, and the navigation folds into the menu button. */
class PhoneLayoutBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("tel", organizations, accounts);
    }

    @Override
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(3)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("ru-RU");
    }

    @Test
    void cardFitsPhoneWidthAndNavigationCollapses() {
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        assertFitsWidth();

        page.navigate(url("/orgs/" + fixture.school17().id()));
        assertThat(page.getByTestId("org-name")).hasText(fixture.school17().shortName());
        assertThat(page.getByTestId("breadcrumbs")).containsText("Подольская городская организация");
        assertFitsWidth();

        assertThat(page.locator(".navbar-toggler")).isVisible();
        assertThat(page.locator("#main-nav")).not().isVisible();
        screenshot("card");
        page.locator(".navbar-toggler").click();
        assertThat(page.locator("#main-nav").getByText("Организации")).isVisible();
        screenshot("card-menu-open");

        page.navigate(url("/orgs/" + fixture.school17().id() + "/history"));
        assertThat(page.getByTestId("placements")).isVisible();
        assertFitsWidth();

        page.navigate(url("/orgs"));
        page.locator("#org-search").pressSequentially("школы");
        assertThat(page.getByTestId("search-results").locator("a")).hasCount(1);
        assertFitsWidth();
        screenshot("tree");
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;

/** At 375 px nothing scrolls sideways on the main screens, and the sections fold into a drawer. */
class WorkspacePhoneBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("narrow", organizations, accounts);
    }

    @Override
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(375, 740)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("ru-RU");
    }

    @Test
    void mainScreensFitAPhoneAndTheSectionsOpenAsADrawer() {
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        assertFitsWidth("home");

        long school = fixture.school17().id();
        page.navigate(url("/orgs/" + school));
        assertThat(page.getByTestId("org-areas")).not().isVisible();
        page.getByTestId("areas-toggle").click();
        assertThat(page.getByTestId("tab-members")).isVisible();
        screenshot("sections-open");
        page.getByTestId("tab-members").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/orgs/" + school + "/members.*"));

        for (String path : List.of(
                "/orgs/" + school,
                "/orgs/" + school + "/members",
                "/orgs/" + school + "/statistics",
                "/orgs/" + fixture.moscowRegion().id() + "/rating",
                "/orgs/" + school + "/publications",
                "/orgs/" + school + "/history",
                "/orgs/" + fixture.moscowRegion().id() + "/mailings",
                "/orgs/" + fixture.moscowRegion().id() + "/mailings/new",
                "/notifications",
                "/me")) {
            page.navigate(url(path));
            assertFitsWidth(path.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    private void assertFitsWidth(String name) {
        screenshot("phone" + name);
        assertFitsWidth();
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.organizations.Organizations;
import ru.profkom.publications.TestImages;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;

/**
 * The information exchange end to end: a PPO info worker writes news with a photo and sends it up as
 * worth wider publication; the region's info worker passes it through the city organization's queue
 * and republishes it; it shows in both feeds; the region sends a package down and sees who opened it.
 */
class PublicationsBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static String ppoInfo;
    static String regionInfo;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("pub", organizations, accounts);
        ppoInfo = "info.pub";
        regionInfo = "region.info.pub";
        CurrentActor.asSystem(() -> {
            accounts.createAccount(
                    fixture.school17().id(),
                    new NewAccount(
                            ppoInfo,
                            "Смирнова Ольга Викторовна",
                            ppoInfo + "@example.ru",
                            BrowserFixture.PASSWORD,
                            Role.INFO_WORKER));
            accounts.createAccount(
                    fixture.moscowRegion().id(),
                    new NewAccount(
                            regionInfo,
                            "Козлов Андрей Павлович",
                            regionInfo + "@example.ru",
                            BrowserFixture.PASSWORD,
                            Role.INFO_WORKER));
        });
    }

    @Test
    void newsGoesUpIsRepublishedAndAPackageComesDownWithReceipts() throws IOException {
        String title = "Коллективный договор школы № 17 продлён на три года";

        // The PPO's info worker: two clicks from the home page to the publications tab.
        signIn(ppoInfo, BrowserFixture.PASSWORD);
        page.getByTestId("my-roles").getByText(fixture.school17().shortName()).click();
        page.getByTestId("tab-publications").click();
        page.getByTestId("new-publication").click();
        page.locator("#title").fill(title);
        page.locator("#body").fill("На собрании коллектива подписано соглашение. ");
        page.locator("#body").press("End");
        page.locator("#body").pressSequentially("Зарплата");
        page.locator("#body").selectText();
        page.locator(".editor-toolbar [data-wrap=b]").click();
        page.locator("#tags").fill("коллективный договор, школа");
        page.getByTestId("save-publication").click();
        assertThat(page.getByTestId("publication-heading")).hasText(title);
        assertThat(page.getByTestId("publication-body").locator("b")).hasCount(1);

        Path photo = Files.createTempFile("photo", ".png");
        Files.write(photo, TestImages.png(1200, 800));
        page.locator("#image").setInputFiles(photo);
        page.getByTestId("upload-image").click();
        assertThat(page.getByTestId("publication-photo")).hasCount(1);
        page.getByTestId("publish").click();
        assertThat(page.getByTestId("publication-status")).hasText("Опубликована");
        page.locator("textarea[name=note]").fill("Предлагаем для областной ленты");
        page.getByTestId("send-upward").click();
        assertThat(page.getByTestId("trail-status")).hasText("На рассмотрении");
        String publicationUrl = page.url();
        screenshot("sent-upward");

        // The region's info worker passes it through the city organization and republishes it.
        switchTo(regionInfo);
        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/inbox"));
        Locator atCity = page.getByTestId("incoming-item").filter(new Locator.FilterOptions().setHasText(title));
        atCity.getByText("Передать выше").click();
        page.navigate(url("/orgs/" + fixture.moscowRegion().id() + "/inbox"));
        Locator atRegion = page.getByTestId("incoming-item").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(atRegion).containsText("Предлагаем для областной ленты");
        screenshot("region-inbox");
        atRegion.getByTestId("republish").click();
        assertThat(page.getByTestId("attribution"))
                .containsText(fixture.school17().shortName());
        assertThat(page.getByTestId("publication-photo")).hasCount(1);

        // Both feeds show it.
        page.navigate(url("/orgs/" + fixture.moscowRegion().id() + "/publications"));
        assertThat(page.getByTestId("publication-title").filter(new Locator.FilterOptions().setHasText(title)))
                .hasCount(1);
        page.navigate(url("/orgs/" + fixture.school17().id() + "/publications"));
        assertThat(page.getByTestId("publication-title").filter(new Locator.FilterOptions().setHasText(title)))
                .hasCount(1);

        // The region sends a package to its primary organizations.
        page.navigate(url("/orgs/" + fixture.moscowRegion().id() + "/inbox"));
        page.getByTestId("new-package").click();
        page.locator("#title").fill("Материалы к первомайской акции");
        page.locator("#body").fill("<p>Тексты для профсоюзного стенда и листовка.</p>");
        page.locator("#kind-PRIMARY").check();
        page.getByTestId("send-package").click();
        assertThat(page.getByTestId("package-title")).hasText("Материалы к первомайской акции");
        assertThat(page.getByTestId("opened-count")).hasText("Открыли 0 из 3");
        String packageUrl = page.url();

        // The PPO's info worker sees where the news stands and opens the package.
        switchTo(ppoInfo);
        page.navigate(publicationUrl);
        assertThat(page.getByTestId("trail-status").last()).hasText("Опубликована вышестоящей организацией");
        page.navigate(url("/orgs/" + fixture.school17().id() + "/inbox"));
        page.getByTestId("received-packages")
                .getByText("Материалы к первомайской акции")
                .click();
        assertThat(page.getByTestId("package-title")).hasText("Материалы к первомайской акции");

        // The region sees who opened it.
        switchTo(regionInfo);
        page.navigate(packageUrl);
        assertThat(page.getByTestId("opened-count")).hasText("Открыли 1 из 3");
        Locator receipt = page.getByTestId("receipt")
                .filter(new Locator.FilterOptions()
                        .setHasText(fixture.school17().shortName()));
        assertThat(receipt).containsText(ppoInfo);
        screenshot("receipts");
    }

    private void switchTo(String login) {
        // Leave the page first: a thumbnail still loading after the cookies are gone would open a new
        // session whose saved request, not "/", the sign-in then returns to.
        page.navigate("about:blank");
        context.clearCookies();
        signIn(login, BrowserFixture.PASSWORD);
    }
}

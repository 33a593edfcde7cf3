package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.SiteForm;
import ru.profkom.publications.TestImages;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;

/**
 * The information exchange end to end: a PPO info worker writes news with bold text and a photo in one
 * step and sends it straight to the region as worth wider publication; the city organization sees it pass;
 * the region's info worker republishes it; it shows in both feeds and on both public pages; the region sends a package down
 * and sees who opened it. And a visitor applies to join on the PPO's public page, and the PPO's chair
 * accepts the application into the registry.
 */
class PublicationsBrowserTests extends BrowserTest {

    static final String PPO_SLUG = "pub-school-17";
    static final String REGION_SLUG = "pub-moscow-region";

    static BrowserFixture fixture;
    static String ppoInfo;
    static String regionInfo;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations, @Autowired Accounts accounts, @Autowired PortalSites sites) {
        fixture = BrowserFixture.build("pub", organizations, accounts);
        ppoInfo = "info.pub";
        regionInfo = "region.info.pub";
        CurrentActor.asSystem(() -> {
            sites.save(
                    fixture.school17().id(),
                    new SiteForm(PPO_SLUG, "Первичная профсоюзная организация школы № 17.", null, null));
            sites.save(fixture.moscowRegion().id(), new SiteForm(REGION_SLUG, null, null, null));
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
        Locator editor = page.locator("#body-editor");
        editor.fill("На собрании коллектива подписано соглашение. Зарплата");
        editor.selectText();
        page.locator(".editor-toolbar [data-wrap=b]").click();
        // The editor shows bold as bold, not as the tags the server will receive.
        assertThat(editor.locator("b")).hasCount(1);
        assertThat(editor).not().containsText("<b>");
        page.locator("#tags").fill("коллективный договор, школа");
        // A photo goes with the new draft in one step.
        Path photo = Files.createTempFile("photo", ".png");
        Files.write(photo, TestImages.png(1200, 800));
        page.locator("#images").setInputFiles(photo);
        page.getByTestId("save-publication").click();
        assertThat(page.getByTestId("publication-heading")).hasText(title);
        assertThat(page.getByTestId("publication-body").locator("b")).hasCount(1);
        assertThat(page.getByTestId("publication-body")).not().containsText("<b>");
        assertThat(page.getByTestId("publication-photo")).hasCount(1);
        page.getByTestId("publish").click();
        assertThat(page.getByTestId("publication-status")).hasText("Опубликована");
        page.getByTestId("route-destination")
                .selectOption(String.valueOf(fixture.moscowRegion().id()));
        page.locator("textarea[name=note]").fill("Предлагаем для областной ленты");
        page.getByTestId("send-upward").click();
        assertThat(page.getByTestId("trail-status")).hasText("На рассмотрении");
        String publicationUrl = page.url();
        screenshot("sent-upward");

        // It goes straight to the region; the city organization sees it pass without deciding.
        switchTo(regionInfo);
        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/inbox"));
        assertThat(page.getByTestId("incoming-item").filter(new Locator.FilterOptions().setHasText(title)))
                .hasCount(0);
        Locator passing = page.getByTestId("passing-item").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(passing).containsText(fixture.moscowRegion().shortName());
        assertThat(passing).containsText("На рассмотрении");
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

        // Both public pages show it to a visitor, the region's naming where it came from.
        try (BrowserContext visitorContext = browser().newContext(contextOptions())) {
            Page visitor = visitorContext.newPage();
            visitor.navigate(url("/" + PPO_SLUG + "/news"));
            assertThat(visitor.getByTestId("portal-news-item").filter(new Locator.FilterOptions().setHasText(title)))
                    .hasCount(1);
            visitor.navigate(url("/" + REGION_SLUG + "/news"));
            Locator regional =
                    visitor.getByTestId("portal-news-item").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(regional).hasCount(1);
            regional.getByText(title).click();
            assertThat(visitor.getByTestId("article-title")).hasText(title);
            assertThat(visitor.getByTestId("article-source"))
                    .containsText(fixture.school17().shortName());
            assertThat(visitor.getByTestId("article-photos").locator("img")).hasCount(1);
        }

        // The region sends a package to its primary organizations.
        page.navigate(url("/orgs/" + fixture.moscowRegion().id() + "/inbox"));
        page.getByTestId("new-package").click();
        page.locator("#title").fill("Материалы к первомайской акции");
        page.locator("#body-editor").fill("Тексты для профсоюзного стенда и листовка.");
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

    @Test
    void aReturnedPublicationShowsTheAuthorItsCommentAndWhoReturnedIt() {
        String title = "Итоги спартакиады гимназии № 5";
        signIn(ppoInfo, BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + fixture.school17().id() + "/publications/new"));
        page.locator("#title").fill(title);
        page.locator("#body-editor").fill("Команда учителей заняла второе место.");
        page.getByTestId("save-publication").click();
        assertThat(page.getByTestId("publication-heading")).hasText(title);
        page.getByTestId("send-upward").click();
        assertThat(page.getByTestId("trail-status")).hasText("На рассмотрении");

        // The region's info worker returns it from the city organization's queue with a comment.
        switchTo(regionInfo);
        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/inbox"));
        Locator atCity = page.getByTestId("incoming-item").filter(new Locator.FilterOptions().setHasText(title));
        atCity.locator("input[name=comment]").fill("Добавьте фотографии с награждения");
        atCity.getByText("Вернуть").click();

        // The author sees it returned where they look: the inbox and the publication's trail.
        switchTo(ppoInfo);
        page.navigate(url("/orgs/" + fixture.school17().id() + "/inbox"));
        Locator sent = page.getByTestId("outgoing-item").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(sent.getByTestId("outgoing-status")).hasText("Возвращена с комментарием");
        assertThat(sent.getByTestId("outgoing-reply")).hasText("Добавьте фотографии с награждения");
        assertThat(sent).containsText("Козлов Андрей Павлович");
        screenshot("returned-in-inbox");
        page.navigate(url("/orgs/" + fixture.school17().id() + "/publications"));
        assertThat(page.getByTestId("publication-item")
                        .filter(new Locator.FilterOptions().setHasText(title))
                        .getByTestId("way-state"))
                .hasText("Возвращена с комментарием");
        page.navigate(url("/orgs/" + fixture.school17().id() + "/inbox"));
        sent.getByText(title).click();
        assertThat(page.getByTestId("trail-status").last()).hasText("Возвращена с комментарием");
        assertThat(page.getByTestId("trail-reply").last()).hasText("Добавьте фотографии с награждения");
    }

    @Test
    void aVisitorAppliesToJoinOnThePpoPageAndTheChairAcceptsTheApplication() {
        String fullName = "Новикова Дарья Сергеевна";

        // A visitor, not signed in, applies on the PPO's public page and consents to processing.
        page.navigate(url("/" + PPO_SLUG));
        page.getByTestId("portal-join").click();
        page.locator("#lastName").fill("Новикова");
        page.locator("#firstName").fill("Дарья");
        page.locator("#patronymic").fill("Сергеевна");
        page.locator("#birthDate").fill("14.02.1995");
        page.locator("#phone").fill("+7 916 555-12-34");
        page.locator("#email").fill("novikova.pub@example.ru");
        page.locator("#workplace").fill("Учитель математики");
        assertThat(page.getByTestId("consent-text")).containsText("152-ФЗ");
        page.locator("#consent").check();
        page.getByTestId("join-submit").click();
        page.waitForURL(url("/" + PPO_SLUG));
        assertThat(page.locator("[role=status]")).containsText("Заявление получено");

        // The PPO's chair finds it in the registry among the applications and accepts it.
        switchTo(fixture.chair());
        page.getByTestId("my-roles").getByText(fixture.school17().shortName()).click();
        page.getByTestId("tab-members").click();
        page.locator("#status").selectOption("APPLICATION");
        Locator application =
                page.getByTestId("members").locator("tr").filter(new Locator.FilterOptions().setHasText(fullName));
        assertThat(application).containsText("Заявление");
        screenshot("application-in-registry");
        application.getByText(fullName).click();
        assertThat(page.getByTestId("member-name")).hasText(fullName);
        assertThat(page.getByTestId("membership-status")).hasText("Заявление");
        page.getByTestId("membership-actions").getByText("Принять заявление").click();
        assertThat(page.getByTestId("membership-status")).hasText("Состоит");

        // The registry now lists the member as active.
        page.navigate(url("/orgs/" + fixture.school17().id() + "/members?status=ACTIVE"));
        assertThat(page.getByTestId("members").locator("tr").filter(new Locator.FilterOptions().setHasText(fullName)))
                .containsText("Состоит");
    }

    private void switchTo(String login) {
        // Leave the page first: a thumbnail still loading after the cookies are gone would open a new
        // session whose saved request, not "/", the sign-in then returns to.
        page.navigate("about:blank");
        context.clearCookies();
        signIn(login, BrowserFixture.PASSWORD);
    }
}

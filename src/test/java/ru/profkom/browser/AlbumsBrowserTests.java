package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.SiteForm;
import ru.profkom.publications.TestImages;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;

/**
 * Photo albums end to end: the PPO's information worker reaches the albums in two clicks from the
 * organization, creates an album, uploads two photos at once, refuses a file that is not a photo, publishes
 * the album; a visitor on a phone finds it on the PPO's public page and opens a photo.
 */
class AlbumsBrowserTests extends BrowserTest {

    static final String SLUG = "alb-school-17";

    static BrowserFixture fixture;
    static String info;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations, @Autowired Accounts accounts, @Autowired PortalSites sites) {
        fixture = BrowserFixture.build("alb", organizations, accounts);
        info = BrowserFixture.account(accounts, fixture.school17(), "info.alb", Role.INFO_WORKER);
        CurrentActor.asSystem(() -> sites.save(fixture.school17().id(), new SiteForm(SLUG, null, null, null)));
    }

    @Test
    void anInfoWorkerPublishesAnAlbumThatAVisitorOpensOnThePublicPage() throws IOException {
        String title = "Первомайская демонстрация 2026";
        Path first = Files.createTempFile("колонна", ".png");
        Path second = Files.createTempFile("трибуна", ".png");
        Path notAPhoto = Files.createTempFile("список", ".png");
        Files.write(first, TestImages.png(1200, 800));
        Files.write(second, TestImages.png(800, 1200));
        Files.writeString(notAPhoto, "не фотография");

        // Two clicks from the organization: its tab «Сайт», then «Фотоальбомы».
        signIn(info, BrowserFixture.PASSWORD);
        page.getByTestId("my-roles").getByText(fixture.school17().shortName()).click();
        page.getByTestId("tab-site").click();
        page.getByTestId("albums-link").click();
        page.locator("#album-title").fill(title);
        page.locator("#album-date").fill("01.05.2026");
        page.locator("#album-description").fill("Колонна профсоюза образования на площади.");
        page.getByTestId("album-create").click();
        assertThat(page.getByTestId("album-title")).hasText(title);
        assertThat(page.getByTestId("album-status")).hasText("Черновик");

        // A file that is not a photo is refused by name, and nothing of the batch is stored.
        page.locator("#photos").setInputFiles(new Path[] {first, notAPhoto});
        page.getByTestId("photo-upload-submit").click();
        assertThat(page.locator(".alert-danger"))
                .containsText("Файл «" + notAPhoto.getFileName() + "» не принят: Это не изображение");
        assertThat(page.getByTestId("album-photo")).hasCount(0);

        page.locator("#photos").setInputFiles(new Path[] {first, second});
        page.getByTestId("photo-upload-submit").click();
        assertThat(page.getByTestId("album-photo")).hasCount(2);
        Locator secondPhoto = page.getByTestId("album-photo").nth(1);
        secondPhoto.locator("input[name=caption]").fill("Трибуна с ветеранами");
        secondPhoto.getByTestId("photo-caption-save").click();
        page.getByTestId("album-photo").nth(1).getByTestId("photo-up").click();
        assertThat(page.getByTestId("album-photo").first().locator("input[name=caption]"))
                .hasValue("Трибуна с ветеранами");
        page.getByTestId("album-publish").click();
        assertThat(page.getByTestId("album-status")).hasText("Опубликован");
        screenshot("album-published");

        // A visitor on a phone finds the album on the PPO's page and opens a photo.
        try (BrowserContext visitorContext = browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setLocale("ru-RU")
                        .setIsMobile(true)
                        .setHasTouch(true))) {
            Page visitor = visitorContext.newPage();
            visitor.navigate(url("/" + SLUG));
            visitor.getByTestId("portal-albums-link").click();
            visitor.waitForURL(url("/" + SLUG + "/albums"));
            Locator album = visitor.getByTestId("portal-album").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(album).containsText("01.05.2026");
            assertThat(album.locator("img")).hasCount(1);
            assertThat(visitor.locator("meta[property='og:image']")).hasCount(1);
            fitsWidth(visitor);
            album.click();
            assertThat(visitor.getByTestId("portal-album-heading")).hasText(title);
            assertThat(visitor.getByTestId("portal-photo")).hasCount(2);
            assertThat(visitor.getByTestId("portal-photo-caption")).hasText("Трибуна с ветеранами");
            fitsWidth(visitor);
            visitor.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(getClass().getSimpleName() + "-visitor-album.png"))
                    .setFullPage(true));
            Response photo = visitor.waitForResponse(
                    response -> response.url().matches(".*/images/\\d+$"),
                    () -> visitor.getByTestId("portal-photo")
                            .first()
                            .locator("a")
                            .click());
            assertThat(photo.status()).isEqualTo(200);
            assertThat(photo.headerValue("content-type")).isEqualTo("image/jpeg");
        }
    }

    private static void fitsWidth(Page page) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits).as("the page fits the phone's width").isEqualTo(Boolean.TRUE);
    }
}

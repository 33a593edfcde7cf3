package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.profkom.support.TestMail;
import ru.profkom.support.TestMailingPeers;

/**
 * Runs the application on a random port over an in-memory H2 and drives Debian's Chromium through
 * Playwright: one browser per class, a fresh context (cookies, storage) per test. Playwright never
 * downloads a browser here; where no Chromium is installed the tests are skipped with the reason.
 * Every browser test class shares this configuration, so they share one application context.
 */
@Tag("browser")
@ExtendWith(ChromiumInstalled.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "profkom.demo.load=false",
            "profkom.mail.poll-interval=PT0.2S",
            "profkom.publications.index-dir=${java.io.tmpdir}/profkom-browser-index-${random.uuid}",
            "spring.mail.host=127.0.0.1",
            // Playwright fills a public form faster than a person could; the wait is PublicPagesTests' concern.
            "profkom.portal.min-fill-time=PT0S"
        })
@org.springframework.context.annotation.Import(BrowserTestClock.class)
abstract class BrowserTest {

    static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
    static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    /** The run's one SMTP server: it must be up before the shared application context starts. */
    static final GreenMail MAIL = TestMail.server();

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("profkom.mailings.smtp-host", () -> "127.0.0.1");
        registry.add("profkom.mailings.smtp-port", () -> MAIL.getSmtp().getPort());
        // VERP return paths and the bounce mailbox on GreenMail's IMAP side; a test reads it when it put a bounce in.
        registry.add("profkom.mailings.bounce-address", () -> TestMail.BOUNCE_ADDRESS);
        registry.add("profkom.mailings.bounce-imap-host", () -> "127.0.0.1");
        registry.add("profkom.mailings.bounce-imap-port", () -> MAIL.getImap().getPort());
        registry.add("profkom.mailings.bounce-imap-user", () -> TestMail.BOUNCE_USER);
        registry.add("profkom.mailings.bounce-imap-password", () -> TestMail.BOUNCE_PASSWORD);
        registry.add("profkom.mailings.bounce-imap-ssl", () -> "false");
        registry.add("profkom.mailings.bounce-imap-poll-interval", () -> "PT1H");
        registry.add("profkom.mailing-channels.telegram-url", TestMailingPeers::baseUrl);
        registry.add("profkom.mailing-channels.vk-url", TestMailingPeers::baseUrl);
        registry.add("profkom.mailing-channels.telegram-bot-token", () -> TestMailingPeers.BOT_TOKEN);
        registry.add("profkom.mailing-channels.telegram-bot-name", () -> TestMailingPeers.BOT_NAME);
        // The bot's job hourly, as in the other contexts: the tests poll it when they put an update in.
        registry.add("profkom.mailing-channels.telegram-poll-interval", () -> "PT1H");
    }

    @BeforeAll
    static void launchBrowser() {
        Assumptions.assumeTrue(ChromiumInstalled.installed(), ChromiumInstalled::missingMessage);
        // Generous for a loaded two-core CI machine: a passing wait ends as soon as its condition holds.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(ChromiumInstalled.chromium())
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(contextOptions());
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** Nothing of the page scrolls sideways. */
    void assertFitsWidth() {
        Object fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(fits)
                .as("no horizontal scroll on %s", page.url())
                .isEqualTo(true);
    }

    /** Desktop by default; the phone test asks for a phone's viewport. */
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("ru-RU");
    }

    Browser browser() {
        return browser;
    }

    /**
     * Another person's browser beside the test's own: no session, a phone's screen and browser as its agent (the headless
     * one's "HeadlessChrome" is a machine's to the mailings' open tracking).
     */
    BrowserContext newReaderContext() {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setLocale("ru-RU")
                .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Mobile Safari/537.36"));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String login, String password) {
        page.navigate(url("/login"));
        page.locator("#username").fill(login);
        page.locator("#password").fill(password);
        submit();
        page.waitForURL(url("/"));
    }

    /** Submits the form of the page's content: the navigation bar has a sign-out button of its own. */
    void submit() {
        page.locator("main button[type=submit]").last().click();
    }

    void submit(String label) {
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText(label))
                .click();
    }

    /** Waits until the page shows the organization card of {@code id} and its name. */
    void expectCard(long id, String name) {
        page.waitForURL(url("/orgs/" + id));
        assertThat(page.getByTestId("org-name")).hasText(name);
    }

    /** For what listeners write after the transaction commits (the audit log): reloads until it shows. */
    void reloadUntilVisible(Locator locator) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (locator.count() == 0 && Instant.now().isBefore(deadline)) {
            page.reload();
        }
        assertThat(locator.first()).isVisible();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png"))
                .setFullPage(true));
    }

    static Pattern endsWith(String path) {
        return Pattern.compile(".*" + Pattern.quote(path) + "$");
    }
}

package ru.profkom.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo union as its people meet it, at a laptop's 1366×768 and a phone's 390×844: the home of each demo
 * login, the member list, a member's card, the statistics and the public page have no serious or critical
 * axe-core violation and nothing that scrolls sideways; screenshots under target/browser-screenshots. A
 * database of its own, with the demo loaded at start-up, so the pages show the demo's real data.
 */
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:demo-a11y;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "profkom.demo.load=true"
        })
class DemoAccessibilityBrowserTests extends BrowserTest {

    private static final List<String> LOGINS = List.of("admin", "region", "city", "chair", "info", "member");
    private static final String PASSWORD = "profkom-demo";
    private static final Pattern ORGANIZATION = Pattern.compile("/orgs/(\\d+)");

    private int width = 1366;
    private int height = 768;

    @Override
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("ru-RU")
                .setBypassCSP(true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1366x768", "390x844"})
    void theMainScreensOfTheDemoPassAxeAndFitTheWidth(String viewport) {
        String[] size = viewport.split("x");
        width = Integer.parseInt(size[0]);
        height = Integer.parseInt(size[1]);
        List<AssertionError> failures = new ArrayList<>();
        for (String login : LOGINS) {
            try (BrowserContext signedIn = freshContext(viewport)) {
                page = signedIn.newPage();
                signIn(login, PASSWORD);
                check(viewport, login + "-home", failures);
                if (login.equals("chair")) {
                    long primary = organizationOnHome();
                    page.navigate(url("/orgs/" + primary + "/members"));
                    check(viewport, "members", failures);
                    String card = page.locator("a[href^='/members/']").first().getAttribute("href");
                    page.navigate(url(card));
                    check(viewport, "member-card", failures);
                    page.navigate(url("/orgs/" + primary + "/statistics"));
                    check(viewport, "statistics", failures);
                }
            }
        }
        try (BrowserContext visitor = freshContext(viewport)) {
            page = visitor.newPage();
            page.navigate(url("/ppo-demo"));
            check(viewport, "public-page", failures);
        }
        if (!failures.isEmpty()) {
            AssertionError all = new AssertionError(failures.size() + " screens fail at " + viewport + ":\n"
                    + String.join(
                            "\n", failures.stream().map(Throwable::getMessage).toList()));
            failures.forEach(all::addSuppressed);
            throw all;
        }
    }

    private BrowserContext freshContext(String viewport) {
        BrowserContext fresh = browser().newContext(contextOptions());
        fresh.setDefaultTimeout(30_000);
        return fresh;
    }

    private long organizationOnHome() {
        String link = page.locator("#org-title a").getAttribute("href");
        Matcher matcher = ORGANIZATION.matcher(link);
        if (!matcher.find()) {
            throw new AssertionError("no organization on the chair's home: " + link);
        }
        return Long.parseLong(matcher.group(1));
    }

    private void check(String viewport, String name, List<AssertionError> failures) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        screenshot(viewport + "-" + name);
        try {
            Accessibility.assertNoHorizontalScroll(page, name);
        } catch (AssertionError e) {
            failures.add(e);
        }
        try {
            Accessibility.assertNoSeriousViolations(page, name);
        } catch (AssertionError e) {
            failures.add(e);
        }
    }
}

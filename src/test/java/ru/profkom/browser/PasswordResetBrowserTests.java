package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Role;
import ru.profkom.support.TestMail;

/** A forgotten password is replaced through a link sent by mail; guessing passwords locks the account. */
class PasswordResetBrowserTests extends BrowserTest {

    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+/password/reset\\?token=([A-Za-z0-9_-]+)");

    static BrowserFixture fixture;
    static String forgetful;
    static String guessed;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("pwd", organizations, accounts);
        forgetful = BrowserFixture.account(accounts, fixture.school17(), "forgetful.pwd", Role.INFO_WORKER);
        guessed = BrowserFixture.account(accounts, fixture.school17(), "guessed.pwd", Role.INFO_WORKER);
    }

    @Test
    void replacesForgottenPasswordThroughLinkSentByMail() throws Exception {
        String newPassword = "Новый-пароль-2026";
        page.navigate(url("/login"));
        page.locator("main").getByText("Забыли пароль?").click();
        page.waitForURL(url("/password/forgot"));
        page.locator("#login").fill(forgetful);
        submit("Прислать ссылку");
        assertThat(page.locator("main [role=status]")).containsText("письмо со ссылкой уже отправлено");
        screenshot("forgot-sent");

        MimeMessage mail = mailTo(forgetful + "@example.ru");
        assertThat(mail.getSubject()).isEqualTo("Профком: смена пароля");
        String body = String.valueOf(mail.getContent());
        assertThat(body).startsWith("Здравствуйте, Кузнецов Олег Викторович!");
        Matcher link = RESET_LINK.matcher(body);
        assertThat(link.find()).as("a reset link in: %s", body).isTrue();
        // The link carries the configured base address; the token is what leads to this server.
        String resetPage = url("/password/reset?token=" + link.group(1));

        page.navigate(resetPage);
        page.locator("#password").fill(newPassword);
        page.locator("#repeat").fill(newPassword + "!");
        submit("Сохранить пароль");
        assertThat(page.locator("#repeat + .invalid-feedback")).isVisible();
        assertThat(page.locator("#repeat + .invalid-feedback")).hasText("Пароли не совпадают.");
        screenshot("reset-mismatch");

        page.locator("#password").fill(newPassword);
        page.locator("#repeat").fill(newPassword);
        submit("Сохранить пароль");
        page.waitForURL(url("/login?passwordReset"));
        assertThat(page.locator("main [role=status]")).hasText("Пароль изменён. Войдите с новым паролем.");

        page.locator("#username").fill(forgetful);
        page.locator("#password").fill(BrowserFixture.PASSWORD);
        submit();
        page.waitForURL(endsWith("/login?error=bad"));
        assertThat(page.locator("main [role=alert]")).hasText("Неверный логин или пароль.");

        signIn(forgetful, newPassword);
        assertThat(page.getByTestId("my-roles")).containsText(fixture.school17().shortName());

        page.navigate(resetPage);
        assertThat(page.locator("main [role=alert]"))
                .containsText("Ссылка для смены пароля недействительна: она уже использована или устарела");
        assertThat(page.locator("#password")).hasCount(0);
        screenshot("reset-link-used");
    }

    @Test
    void wrongPasswordsSayNothingAboutTheAccountAndTheWaitIsShownInMinutes() {
        // Four, not five: the fifth would start a back-off of a second for this login, and whether the next
        // attempt falls inside it depends on the machine's speed. The back-off itself is SignInThrottleTests'.
        for (int attempt = 1; attempt <= 4; attempt++) {
            page.navigate(url("/login"));
            page.locator("#username").fill(guessed);
            page.locator("#password").fill("неверный-пароль-" + attempt);
            submit();
            page.waitForURL(endsWith("/login?error=bad"));
            assertThat(page.locator("main [role=alert]")).hasText("Неверный логин или пароль.");
        }

        signIn(guessed, BrowserFixture.PASSWORD);
        assertThat(page.getByTestId("my-roles")).isVisible();

        page.navigate(url("/login?error=throttled&wait=840"));
        assertThat(page.getByTestId("sign-in-throttled"))
                .hasText("Слишком много неудачных попыток входа. Повторите через 14 мин."
                        + " Забыли пароль — смените его по ссылке «Забыли пароль?».");
        screenshot("throttled");
    }

    private static MimeMessage mailTo(String address) throws Exception {
        // Other tests of this context send mail too (packages' reminders): wait for this address's own.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !TestMail.receivedBy(address).isEmpty());
        List<MimeMessage> received = TestMail.receivedBy(address);
        assertThat(received).as("mail to %s", address).hasSize(1);
        return received.getFirst();
    }
}

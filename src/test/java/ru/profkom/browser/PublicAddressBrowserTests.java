package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.mail.MailOutbox;
import ru.profkom.mail.OutgoingMail;
import ru.profkom.organizations.Organizations;
import ru.profkom.publications.InfoPackage;
import ru.profkom.publications.InfoPackageDraft;
import ru.profkom.publications.InfoPackages;
import ru.profkom.settings.InstallationSettings;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;

/**
 * Issue 13.14 on a real server with no {@code profkom.base-url}: absolute links use this process's own port (package
 * notices linked to 8080 whatever the port was), the union administrator sees that on the settings page with a
 * warning, and the address they set is used from then on.
 */
class PublicAddressBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static String unionAdmin;

    @Autowired
    InfoPackages packages;

    @Autowired
    MailOutbox outbox;

    @Autowired
    InstallationSettings settings;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("adr", organizations, accounts);
        unionAdmin = BrowserFixture.account(accounts, fixture.union(), "union-admin.adr", Role.UNION_ADMIN);
    }

    /** Other browser classes share this server and expect no address set. */
    @AfterEach
    void clearTheAddress() {
        CurrentActor.asSystem(() -> settings.changePublicAddress(""));
    }

    @Test
    void linksToThisServersOwnPortUntilTheUnionAdministratorSetsThePublicAddress() {
        assertThat(packageNotice("Без адреса")).contains("http://localhost:" + port + "/packages/");

        signIn(unionAdmin, BrowserFixture.PASSWORD);
        page.getByTestId("home-settings").click();
        page.waitForURL(url("/admin/settings"));
        assertThat(page.getByTestId("public-address-effective")).hasText("http://localhost:" + port);
        assertThat(page.locator("main .alert-warning")).containsText("localhost");
        page.locator("#publicAddress").fill("https://profkom.example.ru/");
        submit("Сохранить");
        page.waitForURL(url("/admin/settings"));
        assertThat(page.locator("main [role=status]")).hasText("Публичный адрес сохранён");
        assertThat(page.getByTestId("public-address-effective")).hasText("https://profkom.example.ru");
        assertThat(page.locator("main .alert-warning")).hasCount(0);
        screenshot("public-address-set");

        assertThat(packageNotice("С адресом"))
                .contains("https://profkom.example.ru/packages/")
                .doesNotContain("localhost");
    }

    private String packageNotice(String title) {
        InfoPackage sent = CurrentActor.asSystem(
                () -> packages.send(fixture.moscowRegion().id(), new InfoPackageDraft(title, "Текст", Set.of(), 0)));
        CurrentActor.asSystem(() -> packages.remind(sent.id()));
        return CurrentActor.asSystem(() -> outbox.recent(PageRequest.of(0, 200)).items().stream()
                .map(OutgoingMail::body)
                .filter(body -> body.contains("/packages/" + sent.id()))
                .findFirst()
                .orElseThrow());
    }
}

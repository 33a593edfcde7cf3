package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.members.Member;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.support.TestMail;

/**
 * The region's info worker writes to "all PPO chairs of the region who consented to e-mail": picks the audience,
 * sees the count per channel (one chair has no e-mail consent), schedules the mailing, watches it finish and sees
 * the report by organization; the chairs receive their personalised e-mails. One chair's mailbox is full (the
 * relay's bounce comes back over IMAP): the worker sees it failed for that organization and sends it again. The
 * other chair opens the e-mail and unsubscribes with one click; the report counts both, and the chair's cabinet
 * shows the e-mail consent withdrawn.
 */
class MailingBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static String infoWorker;
    static String schoolChairEmail;
    static String gymnasiumChairEmail;

    @Autowired
    ru.profkom.mailings.tracking.BounceMailbox bounceMailbox;

    @Autowired
    ru.profkom.support.TestClock clock;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations,
            @Autowired Accounts accounts,
            @Autowired Members members,
            @Autowired MemberAccountLinks links) {
        fixture = BrowserFixture.build("mail", organizations, accounts);
        infoWorker = "info." + fixture.tag();
        schoolChairEmail = "chair17." + fixture.tag() + "@example.ru";
        gymnasiumChairEmail = "chair5." + fixture.tag() + "@example.ru";
        CurrentActor.asSystem(() -> {
            accounts.createAccount(
                    fixture.moscowRegion().id(),
                    new NewAccount(
                            infoWorker,
                            "Кузнецова Ольга Игоревна",
                            infoWorker + "@example.ru",
                            BrowserFixture.PASSWORD,
                            Role.INFO_WORKER));
            chair(members, fixture.school17().id(), "Смирнова", "Елена", schoolChairEmail, true);
            long gymnasiumChair =
                    chair(members, fixture.gymnasium5().id(), "Волков", "Андрей", gymnasiumChairEmail, true);
            links.link(gymnasiumChair, fixture.member());
            chair(
                    members,
                    fixture.kindergarten().id(),
                    "Орлова",
                    "Нина",
                    "orlova." + fixture.tag() + "@example.ru",
                    false);
            return null;
        });
    }

    private static long chair(
            Members members,
            long organizationId,
            String lastName,
            String firstName,
            String email,
            boolean emailConsent) {
        Member chair = members.register(
                organizationId,
                new PersonData(
                        lastName, firstName, "Петровна", LocalDate.of(1975, 4, 5), null, null, null, email, null, null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null));
        members.giveConsent(chair.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null);
        if (emailConsent) {
            members.giveConsent(chair.id(), ConsentPurpose.EMAIL, null, ConsentForm.PAPER, null);
        }
        members.assignRole(chair.id(), organizationId, UnionRole.CHAIR, null);
        return chair.id();
    }

    @Test
    void theInfoWorkerMailsThePpoChairsWhoConsentedFollowsTheReportAndResendsTheFailed() throws Exception {
        long region = fixture.moscowRegion().id();
        signIn(infoWorker, BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + region));
        page.getByTestId("tab-mailings").click();
        page.waitForURL(url("/orgs/" + region + "/mailings"));
        assertThat(page.getByTestId("mailings-empty")).isVisible();

        page.getByTestId("mailing-new").click();
        page.locator("#title").fill("Совещание председателей");
        page.locator("#kind-PRIMARY").check();
        page.locator("#role-CHAIR").check();
        assertThat(page.getByTestId("reach-figures"))
                .containsText("Получат 2 из 3 человек", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.getByTestId("reach-EMAIL")).containsText("1");
        page.locator("#subject").fill("{{имя}}, совещание в четверг");
        page.locator("#text-EMAIL").fill("{{имя}}, ждём вас в четверг в 15:00. {{организация}}");
        page.locator("#html")
                .fill("<p>{{имя}}, ждём вас в четверг в 15:00.</p>"
                        + "<p><a href=\"https://profkom.example.ru/agenda\">Повестка</a></p>");
        page.getByTestId("mailing-save").click();
        assertThat(page.locator("main [role=status]").first()).hasText("Черновик сохранён.");
        assertThat(page.getByTestId("preview").first()).containsText("совещание в четверг");
        screenshot("draft");

        page.getByTestId("mailing-schedule").click();
        assertThat(page.locator("main [role=status]").first()).containsText("Рассылка запланирована");
        assertThat(page.getByTestId("mailing-status"))
                .hasText("Завершена", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("count-SENT")).containsText("2");
        assertThat(page.getByTestId("report-organizations")).containsText("ППО школы № 17");
        assertThat(page.getByTestId("report-organizations")).containsText("ППО гимназии № 5");
        screenshot("report");

        page.getByTestId("mailing-not-received").click();
        assertThat(page.getByTestId("recipients-empty")).isVisible();
        MimeMessage toSchool = org.assertj.core.api.Assertions.assertThat(TestMail.receivedBy(schoolChairEmail))
                .singleElement()
                .actual();
        org.assertj.core.api.Assertions.assertThat(toSchool.getSubject()).isEqualTo("Елена, совещание в четверг");
        org.assertj.core.api.Assertions.assertThat(TestMail.receivedBy("orlova." + fixture.tag() + "@example.ru"))
                .isEmpty();
        String mailingUrl = page.url().replaceAll("/recipients.*$", "");

        // The school chair's mailbox is full: the relay's report comes back to the bounce mailbox.
        TestMail.deliverBounce(toSchool, schoolChairEmail, "5.2.2", "552 5.2.2 Mailbox full");
        bounceMailbox.readOnce();

        // The gymnasium chair reads the e-mail a minute later and unsubscribes with one click.
        MimeMessage toGymnasium = TestMail.receivedBy(gymnasiumChairEmail).getFirst();
        String html = TestMail.part(toGymnasium, "text/html");
        String pixel = local(firstMatch(html, "src=\"([^\"]+/m/o/[^\"]+)\""));
        String unsubscribe = local(firstMatch(toGymnasium.getHeader("List-Unsubscribe")[0], "<(http[^>]+)>"));
        try (BrowserContext reader = newReaderContext()) {
            Page mail = reader.newPage();
            clock.shiftedBy(Duration.ofMinutes(1), () -> mail.navigate(pixel));
            mail.navigate(unsubscribe);
            assertThat(mail.getByTestId("unsubscribe-confirm")).containsText("Отписаться");
            mail.getByTestId("unsubscribe-button").click();
            assertThat(mail.getByTestId("unsubscribe-done")).isVisible();
            org.assertj.core.api.Assertions.assertThat(
                            mail.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth"))
                    .isEqualTo(true);
            mail.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("MailingBrowserTests-phone-unsubscribed.png")));
        }

        page.navigate(mailingUrl);
        Locator school = reportLine("ППО школы № 17");
        Locator gymnasium = reportLine("ППО гимназии № 5");
        assertThat(school.getByTestId("line-failed")).hasText("1");
        assertThat(gymnasium.getByTestId("line-delivered")).hasText("1");
        assertThat(gymnasium.getByTestId("line-opened")).hasText("1");
        assertThat(gymnasium.getByTestId("line-unsubscribed")).hasText("1");
        assertThat(page.getByTestId("report-summary")).containsText("Доставлено 1 из 2");
        screenshot("report-failed");
        page.setViewportSize(390, 844);
        assertFitsWidth();
        screenshot("phone-report");
        page.setViewportSize(1280, 900);

        page.getByTestId("mailing-resend").click();
        assertThat(page.locator("main [role=status]").first()).containsText("снова в очереди");
        assertThat(page.getByTestId("mailing-status"))
                .hasText("Завершена", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("mailing-resend")).hasCount(0);
        assertThat(page.getByTestId("mailing-pause")).hasCount(0);
        assertThat(reportLine("ППО школы № 17").getByTestId("line-delivered")).hasText("1");
        org.assertj.core.api.Assertions.assertThat(TestMail.receivedBy(schoolChairEmail))
                .hasSize(2);

        // The unsubscribe is a withdrawn consent, in the chair's own cabinet.
        page.context().clearCookies();
        signIn(fixture.member(), BrowserFixture.PASSWORD);
        page.navigate(url("/cabinet"));
        Locator email = page.getByTestId("cabinet-consents")
                .locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Личная электронная почта"));
        assertThat(email)
                .containsText(LocalDate.now(java.time.ZoneId.of("Europe/Moscow"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertThat(email.getByTestId("withdraw-consent")).hasCount(0);
        screenshot("cabinet-unsubscribed");
    }

    private Locator reportLine(String organization) {
        return page.getByTestId("report-organization").filter(new Locator.FilterOptions().setHasText(organization));
    }

    /** A link of an e-mail (made with the installation's public address) on the test server. */
    private String local(String link) {
        return url(link.replaceFirst("^https?://[^/]+", ""));
    }

    private static String firstMatch(String text, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        org.assertj.core.api.Assertions.assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.members.Member;
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
 * the report by organization; the chairs receive their personalised e-mails.
 */
class MailingBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static String infoWorker;
    static String schoolChairEmail;
    static String gymnasiumChairEmail;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations, @Autowired Accounts accounts, @Autowired Members members) {
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
            chair(members, fixture.gymnasium5().id(), "Волков", "Андрей", gymnasiumChairEmail, true);
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

    private static void chair(
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
    }

    @Test
    void theInfoWorkerMailsThePpoChairsWhoConsentedAndFollowsTheReport() {
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
        org.assertj.core.api.Assertions.assertThat(TestMail.receivedBy(schoolChairEmail))
                .singleElement()
                .satisfies(mail -> org.assertj.core.api.Assertions.assertThat(mail.getSubject())
                        .isEqualTo("Елена, совещание в четверг"));
        org.assertj.core.api.Assertions.assertThat(TestMail.receivedBy("orlova." + fixture.tag() + "@example.ru"))
                .isEmpty();
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/**
 * Withdrawing a consent asks first and says what follows: a member in the cabinet reads what withdrawing the
 * processing consent means and keeps it, then withdraws the e-mail one; the chair does the same on the card.
 */
class ConsentWithdrawalBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static long personId;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations,
            @Autowired Accounts accounts,
            @Autowired Members members,
            @Autowired MemberAccountLinks links) {
        fixture = BrowserFixture.build("cns", organizations, accounts);
        CurrentActor.asSystem(() -> {
            personId = members.register(
                            fixture.gymnasium5().id(),
                            new PersonData(
                                    "Сидорова",
                                    "Анна",
                                    "Олеговна",
                                    LocalDate.of(1988, 3, 14),
                                    Gender.F,
                                    null,
                                    null,
                                    null,
                                    "учитель",
                                    null),
                            new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER))
                    .id();
            members.giveConsent(personId, ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, "Заявление");
            members.giveConsent(personId, ConsentPurpose.EMAIL, null, ConsentForm.PAPER, "Заявление");
            members.giveConsent(personId, ConsentPurpose.SMS, null, ConsentForm.PAPER, "Заявление");
            links.link(personId, fixture.member());
        });
    }

    @Test
    void theMemberReadsWhatFollowsKeepsProcessingAndWithdrawsEmail() {
        signIn(fixture.member(), BrowserFixture.PASSWORD);
        page.navigate(url("/cabinet"));
        Locator consents = page.getByTestId("cabinet-consents");
        consentRow(consents, "Обработка персональных данных")
                .getByTestId("withdraw-consent")
                .click();
        Locator consequences = page.getByTestId("withdrawal-consequences");
        assertThat(consequences).containsText("Сведения о членстве");
        assertThat(consequences).containsText("152-ФЗ");
        assertThat(consequences).containsText("не выход из профсоюза");
        assertThat(consequences).containsText("Рассылки по электронной почте, SMS и в мессенджерах");
        screenshot("processing-consequences");
        page.getByTestId("cancel-withdrawal").click();
        page.waitForURL(url("/cabinet"));
        assertThat(consentRow(consents, "Обработка персональных данных").getByTestId("withdraw-consent"))
                .isVisible();

        consentRow(consents, "Личная электронная почта")
                .getByTestId("withdraw-consent")
                .click();
        assertThat(page.getByTestId("withdrawal-consequences"))
                .containsText("Письма профсоюза на личную электронную почту больше не направляются");
        assertThat(page.getByTestId("withdrawal-consequences")).not().containsText("Сведения о членстве");
        page.getByTestId("confirm-withdrawal").click();
        page.waitForURL(url("/cabinet"));
        assertThat(page.locator("main [role=status]")).containsText("Согласие отозвано");
        assertThat(consentRow(consents, "Личная электронная почта").getByTestId("withdraw-consent"))
                .hasCount(0);
    }

    @Test
    void theChairWithdrawsOnTheCardAfterTheSameConfirmation() {
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/members/" + personId));
        Locator consents = page.getByTestId("consents");
        consentRow(consents, "Телефон и SMS").getByTestId("withdraw-consent").click();
        assertThat(page.getByTestId("withdrawal-subject")).containsText("Сидорова Анна Олеговна");
        assertThat(page.getByTestId("withdrawal-consequences"))
                .containsText("SMS профсоюза на этот телефон больше не направляются");
        page.getByTestId("confirm-withdrawal").click();
        page.waitForURL(url("/members/" + personId));
        assertThat(consentRow(consents, "Телефон и SMS").getByTestId("withdraw-consent"))
                .hasCount(0);
    }

    private static Locator consentRow(Locator table, String purpose) {
        return table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(purpose));
    }
}

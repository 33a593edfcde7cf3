package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.shared.Snils;

/**
 * The Moscow region's administrator registers, at school 17, a teacher who is a member of a school in Tver: the
 * form says that a transfer request was sent and shows nothing of her. The Tver region's administrator opens the
 * transfer requests from the registry, accepts, and the teacher's membership in Tver ends as a transfer.
 */
class TransferRequestBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static String tverAdmin;
    static final String SNILS = Snils.withChecksum("417222333");

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations, @Autowired Accounts accounts, @Autowired Members members) {
        fixture = BrowserFixture.build("trq", organizations, accounts);
        tverAdmin = BrowserFixture.account(accounts, fixture.tverRegion(), "admin.tver.trq", Role.ORG_ADMIN);
        CurrentActor.asSystem(() -> members.register(
                fixture.tverSchool3().id(),
                new PersonData(
                        "Тверитинова",
                        "Ольга",
                        "Игоревна",
                        LocalDate.of(1984, 9, 12),
                        null,
                        SNILS,
                        "+79051234567",
                        null,
                        "Учитель",
                        null),
                new MembershipData(MembershipStatus.ACTIVE, null, "ТВ-417", null)));
    }

    @Test
    void theHoldingRegionAcceptsATransferRequestFiledFromTheMemberForm() {
        long school17 = fixture.school17().id();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + school17 + "/members/new"));
        page.locator("#lastName").fill("ТВЕРИТИНОВА");
        page.locator("#firstName").fill("ольга");
        page.locator("#birthDate").fill("12.09.1984");
        page.locator("#snils").fill(Snils.display(SNILS));
        submit("Сохранить");

        page.waitForURL(url("/orgs/" + school17 + "/transfer-requests?side=outgoing"));
        assertThat(page.locator("main [role=status]")).containsText("отправлен запрос на перевод");
        assertThat(page.getByTestId("transfer-requests")).containsText("Тверитинова Ольга");
        assertThat(page.getByTestId("transfer-requests")).containsText("Другая организация профсоюза");
        assertThat(page.locator("main")).not().containsText("ППО школы № 3 г. Твери");
        assertThat(page.locator("main")).not().containsText("+7 (905)");
        screenshot("outgoing");

        context.close();
        context = browser().newContext(contextOptions());
        page = context.newPage();
        signIn(tverAdmin, BrowserFixture.PASSWORD);
        long tverSchool3 = fixture.tverSchool3().id();
        page.navigate(url("/orgs/" + tverSchool3 + "/members"));
        page.getByTestId("transfer-requests-link").click();
        page.waitForURL(url("/orgs/" + tverSchool3 + "/transfer-requests"));
        assertThat(page.getByTestId("transfer-requests")).containsText("Тверитинова Ольга Игоревна");
        assertThat(page.getByTestId("transfer-requests")).containsText("ППО школы № 17 г. Подольска");
        screenshot("incoming");
        page.getByTestId("transfer-accept").click();

        assertThat(page.locator("main [role=status]")).containsText("Перевод принят");
        assertThat(page.getByTestId("transfer-empty")).isVisible();
        page.locator("#status").selectOption("ALL");
        page.locator("main form[method=get] button[type=submit]").click();
        assertThat(page.getByTestId("transfer-status")).hasText("Принят");
        page.getByTestId("transfer-requests")
                .getByText("Тверитинова Ольга Игоревна")
                .click();
        // Tver keeps its part of the history; the membership at school 17 is Moscow's to see.
        assertThat(page.getByTestId("memberships")).containsText("Переведён в другую организацию");
        assertThat(page.getByTestId("memberships")).not().containsText("ППО школы № 17 г. Подольска");
        screenshot("accepted");
    }
}

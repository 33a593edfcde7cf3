package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/** Wrong input in the forms is refused next to the field, in Russian, and nothing is saved. */
class OrganizationFormBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static Organizations organizations;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        OrganizationFormBrowserTests.organizations = organizations;
        fixture = BrowserFixture.build("frm", organizations, accounts);
    }

    @BeforeEach
    void signInAsRegionalAdministrator() {
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
    }

    @Test
    void refusesInvalidInnOverlongShortNameAndBadPhoneInEditForm() {
        Organization school = fixture.school17();
        page.navigate(url("/orgs/" + school.id()));
        page.locator("main").getByText("Изменить").click();
        page.waitForURL(url("/orgs/" + school.id() + "/edit"));

        page.locator("#inn").fill("7701234567");
        page.locator("#shortName").fill("Ш".repeat(201));
        page.locator("#phone").fill("12-34");
        submit("Сохранить");

        assertThat(page.getByTestId("error-inn")).isVisible();
        assertThat(page.getByTestId("error-inn"))
                .hasText(
                        "ИНН неверен: нужны 10 цифр (организация) или 12 (физическое лицо) с правильными контрольными цифрами.");
        assertThat(page.getByTestId("error-shortName")).hasText("Слишком длинно: не больше 200 символов, сейчас 201.");
        assertThat(page.getByTestId("error-phone"))
                .hasText(
                        "Телефон указан неверно: нужен российский номер из 10 цифр после +7, например +7 (495) 123-45-67.");
        assertThat(page.locator("#inn")).hasClass(java.util.regex.Pattern.compile(".*\\bis-invalid\\b.*"));
        assertThat(page.locator("#inn")).hasValue("7701234567");
        assertThat(page.locator("#code")).not().hasClass(java.util.regex.Pattern.compile(".*\\bis-invalid\\b.*"));
        screenshot("edit-errors");

        page.navigate(url("/orgs/" + school.id()));
        assertThat(page.getByTestId("org-name")).hasText(school.shortName());
        assertThat(page.getByTestId("org-details")).not().containsText("7701234567");
        assertThat(page.getByTestId("org-details")).not().containsText("Телефон");
    }

    @Test
    void refusesDuplicateCodeInEditForm() {
        Organization school = fixture.school17();
        page.navigate(url("/orgs/" + school.id() + "/edit"));

        page.locator("#code").fill(fixture.gymnasium5().code());
        submit("Сохранить");

        assertThat(page.getByTestId("error-code"))
                .hasText("Код «" + fixture.gymnasium5().code() + "» уже занят другой организацией.");
        page.navigate(url("/orgs/" + school.id()));
        assertThat(page.getByTestId("org-details")).containsText(school.code());
    }

    @Test
    void refusesDuplicateCodeInCreateForm() {
        Organization podolsk = fixture.podolsk();
        page.navigate(url("/orgs/" + podolsk.id()));
        page.locator("main").getByText("Создать дочернюю").click();
        page.waitForURL(url("/orgs/" + podolsk.id() + "/new"));

        page.locator("#kind").selectOption("PRIMARY");
        page.locator("#code").fill(fixture.school17().code());
        page.locator("#shortName").fill("ППО лицея № 2 г. Подольска");
        page.locator("#fullName").fill("Первичная профсоюзная организация лицея № 2 г. Подольска");
        submit("Сохранить");

        assertThat(page.getByTestId("error-code"))
                .hasText("Код «" + fixture.school17().code() + "» уже занят другой организацией.");
        assertThat(page.locator("#shortName")).hasValue("ППО лицея № 2 г. Подольска");
        screenshot("create-errors");

        page.navigate(url("/orgs/" + podolsk.id()));
        assertThat(page.getByTestId("children").locator("a")).hasCount(2);
        assertThat(page.getByTestId("children")).not().containsText("лицея № 2");
    }

    @Test
    void refusesToLiquidateOrganizationWithMemberAccount() {
        Organization gymnasium = fixture.gymnasium5();
        page.navigate(url("/orgs/" + gymnasium.id()));
        page.locator("main").getByText("Действия").click();
        page.locator("main .dropdown-menu").getByText("Ликвидировать").click();
        page.waitForURL(url("/orgs/" + gymnasium.id() + "/liquidate"));
        assertThat(page.locator("#date")).hasValue(today());

        submit("Ликвидировать");

        assertThat(page.locator("main [role=alert]"))
                .hasText("В организации 1 членов профсоюза с действующим членством:"
                        + " сначала переведите их в другую организацию.");
        screenshot("liquidate-refused");
        assertStillActive(gymnasium);
    }

    @Test
    void refusesLiquidationDateInTheFuture() {
        Organization kindergarten = fixture.kindergarten();
        page.navigate(url("/orgs/" + kindergarten.id() + "/liquidate"));

        page.locator("#date")
                .fill(LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(1).format(DATE));
        submit("Ликвидировать");

        Locator error = page.locator("#date + .invalid-feedback");
        assertThat(error).isVisible();
        assertThat(error).hasText("Дата ликвидации не может быть в будущем.");
        assertStillActive(kindergarten);
    }

    @Test
    void refusesLiquidationDateThatDoesNotExist() {
        Organization kindergarten = fixture.kindergarten();
        page.navigate(url("/orgs/" + kindergarten.id() + "/liquidate"));

        page.locator("#date").fill("31.02.2020");
        submit("Ликвидировать");

        Locator error = page.locator("#date + .invalid-feedback");
        assertThat(error).isVisible();
        assertThat(error).hasText("Дата указана неверно, нужен вид дд.мм.гггг.");
        assertThat(page.locator("#date")).hasValue("31.02.2020");
        screenshot("liquidate-bad-date");
        assertStillActive(kindergarten);
    }

    private void assertStillActive(Organization organization) {
        page.navigate(url("/orgs/" + organization.id()));
        assertThat(page.locator("main .badge.text-bg-success")).hasText("Действует");
        org.assertj.core.api.Assertions.assertThat(CurrentActor.asSystem(() -> organizations.get(organization.id())))
                .matches(Organization::active, "is active");
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Moscow")).format(DATE);
    }
}

package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;

/**
 * A PPO chair enters the month's information-work data (refused spending above the budget first), adds a
 * channel and sends the monthly report; the regional administrator sees in the territorial
 * organization's list which of its PPOs sent theirs.
 */
class IndicatorsBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("ind", organizations, accounts);
    }

    @Test
    void chairEntersTheMonthsDataAndSendsTheReportWhichTheRegionSees() {
        long school = fixture.school17().id();
        signIn(fixture.chair(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + school));
        page.getByTestId("tab-indicators").click();
        page.waitForURL(url("/orgs/" + school + "/indicators"));
        Locator budgetRow = page.getByTestId("indicators").locator("tr[data-code=BUDGET_SHARE]");
        assertThat(budgetRow).containsText("нет данных");

        page.locator("#budget").fill("100 000");
        page.locator("#infoSpending").fill("200000");
        submit("Сохранить данные");
        assertThat(page.getByTestId("error-infoSpending"))
                .hasText("Расходы на информационную работу не могут превышать смету.");
        assertThat(page.locator("#budget")).hasValue("100 000");

        page.locator("#infoSpending").fill("6000");
        page.locator("#stands").fill("2");
        page.locator("#standsUpdatedOn")
                .fill(LocalDate.now(ZoneId.of("Europe/Moscow")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        submit("Сохранить данные");
        assertThat(page.locator("main [role=status]")).hasText("Данные показателей сохранены.");
        assertThat(budgetRow).containsText("6 %");
        assertThat(budgetRow).containsText("Введено вручную");
        assertThat(page.getByTestId("indicators").locator("tr[data-code=STANDS_WEEKLY]"))
                .containsText("0 дн.");

        page.locator("#kind").selectOption("VK");
        page.locator("#address").fill("https://vk.com/ppo_school17");
        page.locator("#subscribers").fill("150");
        submit("Добавить канал");
        assertThat(page.locator("main [role=status]")).hasText("Канал добавлен.");
        assertThat(page.getByTestId("channels")).containsText("https://vk.com/ppo_school17");
        assertThat(page.getByTestId("indicators").locator("tr[data-code=CHANNELS]"))
                .containsText("Каналы организации: 1");

        submit("Отправить отчёт в вышестоящую организацию");
        assertThat(page.locator("main [role=status]")).hasText("Отчёт отправлен в вышестоящую организацию.");
        assertThat(page.getByTestId("report-status")).containsText("Отчёт отправлен");
        screenshot("chair");

        BrowserContext region = browser().newContext();
        page = region.newPage();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/indicators"));
        Locator reports = page.getByTestId("child-reports");
        assertThat(reports.locator("tr", new Locator.LocatorOptions().setHasText("ППО школы № 17")))
                .not()
                .containsText("Отчёт не отправлен");
        assertThat(reports.locator("tr", new Locator.LocatorOptions().setHasText("ППО гимназии № 5")))
                .containsText("Отчёт не отправлен");
        page.locator("#sent").selectOption("false");
        page.locator("#sent")
                .locator("xpath=ancestor::form")
                .locator("button[type=submit]")
                .click();
        assertThat(reports.locator("tbody tr")).hasCount(1);
        assertThat(reports).containsText("ППО гимназии № 5");
        screenshot("region");
        region.close();
    }
}

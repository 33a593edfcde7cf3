package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.statistics.StatisticsSettled;

/**
 * The yearly statistical report end to end: the chair of a school's primary organization fills and submits it,
 * the regional administrator (staff above the city organization it is submitted to) returns it once with a
 * comment, the chair corrects and resubmits it, the administrator accepts it, and the city organization's
 * consolidated XLSX holds the school's figures.
 */
class StatisticalReportBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static int year;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations,
            @Autowired Accounts accounts,
            @Autowired Members members,
            @Autowired JdbcTemplate jdbc) {
        fixture = BrowserFixture.build("god", organizations, accounts);
        year = LocalDate.now(ZoneId.of("Europe/Moscow")).getYear() - 1;
        CurrentActor.asSystem(() -> {
            join(members, "Годовая", Gender.F, Category.WORKER, LocalDate.of(year, 3, 1));
            join(members, "Отчётова", Gender.F, Category.WORKER, LocalDate.of(year - 2, 9, 1));
            join(members, "Сводный", Gender.M, Category.PENSIONER, LocalDate.of(year, 11, 15));
        });
        StatisticsSettled.await(jdbc);
    }

    private static void join(Members members, String surname, Gender gender, Category category, LocalDate joined) {
        members.register(
                fixture.school17().id(),
                new PersonData(surname, "Мария", null, LocalDate.of(1980, 5, 5), gender, null, null, null, null, null),
                new MembershipData(MembershipStatus.ACTIVE, joined, null, category));
    }

    @Test
    void theChairSubmitsTheRegionReturnsItOnceThenAcceptsItAndTheConsolidatedXlsxHoldsIt() throws Exception {
        long school = fixture.school17().id();
        signIn(fixture.chair(), BrowserFixture.PASSWORD);
        // Two clicks from the home page: the organization, then the tab.
        page.getByTestId("my-roles").getByText(fixture.school17().shortName()).click();
        page.getByTestId("tab-statistical-report").click();
        page.waitForURL(url("/orgs/" + school + "/statistical-report"));
        assertThat(page.getByTestId("report-status")).hasText("Не начат");
        assertThat(page.locator("#line-MEMBERS")).hasValue("3");
        assertThat(page.locator("#line-WOMEN")).hasValue("2");
        assertThat(page.locator("#line-JOINED")).hasValue("2");
        assertThat(line("MEMBERS").getByTestId("source")).hasText("из реестра");
        assertThat(line("TRAINED_ACTIVISTS").getByTestId("source")).hasText("вручную");
        screenshot("chair-prefilled");

        // An absurd number is refused with its line named; nothing is stored.
        page.locator("#line-WOMEN").fill("30");
        page.locator("#line-TRAINED_ACTIVISTS").fill("2");
        page.locator("#line-COLLECTIVE_AGREEMENTS").fill("1");
        page.locator("#line-COVERED_BY_AGREEMENTS").fill("0");
        page.getByTestId("report-submit").click();
        assertThat(page.getByTestId("error-WOMEN"))
                .containsText("«Женщин»: 30 — больше, чем членов профсоюза всего (3)");
        assertThat(page.getByTestId("report-status")).hasText("Не начат");
        assertThat(page.locator("#line-TRAINED_ACTIVISTS")).hasValue("2");
        page.locator("#line-WOMEN").fill("2");
        page.getByTestId("report-submit").click();
        assertThat(page.locator("main [role=status]").first()).containsText("Отчёт направлен");
        assertThat(page.getByTestId("report-status")).hasText("Направлен");
        assertThat(page.locator("#line-MEMBERS")).hasCount(0);
        assertThat(page.getByTestId("value-TRAINED_ACTIVISTS")).hasText("2");
        screenshot("chair-submitted");

        switchTo(fixture.regionalAdmin());
        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/statistical-report"));
        Locator row = page.getByTestId("children")
                .locator(
                        "tr",
                        new Locator.LocatorOptions()
                                .setHasText(fixture.school17().shortName()));
        assertThat(row).containsText("Направлен");
        row.getByText(fixture.school17().shortName()).click();
        page.waitForURL(url("/orgs/" + school + "/statistical-report") + "?*");
        page.getByTestId("report-return").click();
        assertThat(page.getByTestId("error-comment")).containsText("Напишите комментарий");
        assertThat(page.getByTestId("report-status")).hasText("Направлен");
        page.getByTestId("return-text").fill("Укажите всех обученных за год, включая школу профактива");
        page.getByTestId("report-return").click();
        assertThat(page.getByTestId("report-status")).hasText("Возвращён на доработку");
        screenshot("region-returned");

        switchTo(fixture.chair());
        page.navigate(url("/orgs/" + school + "/statistical-report"));
        assertThat(page.getByTestId("return-comment")).containsText("включая школу профактива");
        assertThat(page.locator("#line-TRAINED_ACTIVISTS")).hasValue("2");
        page.locator("#line-TRAINED_ACTIVISTS").fill("3");
        page.getByTestId("report-submit").click();
        assertThat(page.getByTestId("report-status")).hasText("Направлен");
        assertThat(page.getByTestId("value-TRAINED_ACTIVISTS")).hasText("3");

        switchTo(fixture.regionalAdmin());
        page.navigate(url("/orgs/" + school + "/statistical-report"));
        page.getByTestId("report-accept").click();
        assertThat(page.getByTestId("report-status")).hasText("Принят");
        assertThat(page.getByTestId("report-trail").locator("tbody tr")).hasCount(4);
        assertThat(page.getByTestId("report-trail")).containsText("включая школу профактива");

        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/statistical-report"));
        assertThat(page.getByTestId("report-title")).hasText("Сводный годовой статистический отчёт");
        assertThat(page.getByTestId("children-accepted")).containsText("1 из 2");
        assertThat(page.getByTestId("total-MEMBERS")).hasText("3");
        screenshot("city-consolidated");
        Download download =
                page.waitForDownload(() -> page.getByTestId("report-xlsx").click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");

        List<List<String>> rows = rows(download);
        List<String> header = rows.stream()
                .filter(cells -> !cells.isEmpty() && cells.getFirst().equals("Организация"))
                .findFirst()
                .orElseThrow();
        List<String> schoolRow = rows.stream()
                .filter(cells -> !cells.isEmpty()
                        && cells.getFirst().equals(fixture.school17().shortName()))
                .findFirst()
                .orElseThrow();
        assertThat(schoolRow.get(header.indexOf("Членов профсоюза всего"))).isEqualTo("3");
        assertThat(schoolRow.get(header.indexOf("Женщин"))).isEqualTo("2");
        assertThat(schoolRow.get(header.indexOf("Принято в профсоюз"))).isEqualTo("2");
        assertThat(schoolRow.get(header.indexOf("Обучено профактива за год"))).isEqualTo("3");
        List<String> members = rows.stream()
                .filter(cells -> !cells.isEmpty() && cells.getFirst().equals("Членов профсоюза всего"))
                .findFirst()
                .orElseThrow();
        assertThat(members.getLast()).isEqualTo("3");
    }

    @Test
    void theReportFitsAPhone() {
        context.close();
        context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setDeviceScaleFactor(3)
                        .setIsMobile(true)
                        .setHasTouch(true)
                        .setLocale("ru-RU"));
        page = context.newPage();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);

        for (long organization :
                List.of(fixture.school17().id(), fixture.podolsk().id())) {
            page.navigate(url("/orgs/" + organization + "/statistical-report"));
            assertThat(page.getByTestId("report-lines")).isVisible();
            Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).as("no horizontal scroll on %s", page.url()).isEqualTo(true);
        }
        screenshot("phone");
    }

    private Locator line(String code) {
        return page.locator("tr[data-line=" + code + "]");
    }

    private void switchTo(String login) {
        page.navigate("about:blank");
        context.clearCookies();
        signIn(login, BrowserFixture.PASSWORD);
    }

    private static List<List<String>> rows(Download download) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path());
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                var stream = workbook.getFirstSheet().openStream()) {
            stream.forEach((Row row) -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue()));
                rows.add(cells);
            });
        }
        return rows;
    }
}

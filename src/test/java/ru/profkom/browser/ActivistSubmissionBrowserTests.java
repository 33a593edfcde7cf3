package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/**
 * The chair of a school's primary organization submits its activists' base upward; the regional administrator
 * finds the school among the submitted ones and downloads the snapshot as XLSX.
 */
class ActivistSubmissionBrowserTests extends BrowserTest {

    static BrowserFixture fixture;
    static Member activist;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations, @Autowired Accounts accounts, @Autowired Members members) {
        fixture = BrowserFixture.build("act", organizations, accounts);
        activist = CurrentActor.asSystem(() -> {
            Member member = members.register(
                    fixture.school17().id(),
                    new PersonData(
                            "Активистова",
                            "Ольга",
                            "Сергеевна",
                            LocalDate.of(1988, 4, 12),
                            null,
                            null,
                            "+79161234567",
                            "olga@example.ru",
                            "учитель",
                            null),
                    new MembershipData(MembershipStatus.ACTIVE, null, null, null));
            return members.assignRole(
                    member.id(), fixture.school17().id(), UnionRole.YOUTH_COUNCIL_MEMBER, LocalDate.of(2025, 1, 1));
        });
    }

    @Test
    void theChairSubmitsAndTheRegionalAdministratorDownloadsTheSnapshot() throws Exception {
        long school = fixture.school17().id();
        signIn(fixture.chair(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + school));
        page.getByTestId("tab-activists").click();
        page.getByTestId("activist-submissions").click();
        page.waitForURL(url("/orgs/" + school + "/activist-submissions"));
        screenshot("chair-before");
        page.getByTestId("submit-activists").locator("button").click();

        page.waitForURL(java.util.regex.Pattern.compile(".*/activist-snapshots/\\d+$"));
        assertThat(page.locator("main [role=status]")).containsText("версия 1, строк: 1");
        assertThat(page.getByTestId("snapshot-rows")).containsText("Активистова Ольга Сергеевна");
        assertThat(page.getByTestId("snapshot-rows")).containsText("+7 (916) 123-45-67");
        screenshot("chair-snapshot");

        context.close();
        context = browser().newContext(contextOptions());
        page = context.newPage();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        long region = fixture.moscowRegion().id();
        page.navigate(url("/orgs/" + region));
        page.getByTestId("tab-activists").click();
        page.getByTestId("activist-submissions").click();
        page.waitForURL(url("/orgs/" + region + "/activist-submissions"));
        assertThat(page.getByTestId("submission-counts")).containsText("1 из 3");

        page.locator("#state").selectOption("SUBMITTED");
        page.getByTestId("submissions-filter").locator("button[type=submit]").click();
        Locator rows = page.getByTestId("submissions").locator("tbody tr[data-org]");
        assertThat(rows).hasCount(1);
        // Grouped under its parent, so that PPOs of the same name in two cities are told apart.
        assertThat(page.getByTestId("submissions").getByTestId("parent-group"))
                .hasText("Подольская городская организация");
        assertThat(rows.first()).containsText("ППО школы № 17 г. Подольска");
        assertThat(rows.first()).containsText("Направлена");
        screenshot("admin-submitted");

        Download download = page.waitForDownload(
                () -> page.getByTestId("snapshot-xlsx-" + school).click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        List<String> cells = cells(download);
        assertThat(cells).contains("Активистова Ольга Сергеевна", "ППО школы № 17 г. Подольска", "+7 (916) 123-45-67");

        Download consolidated =
                page.waitForDownload(() -> page.getByTestId("consolidated-xlsx").click());
        assertThat(cells(consolidated)).contains("Активистова Ольга Сергеевна");
    }

    private static List<String> cells(Download download) throws Exception {
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path());
                ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            try (var rows = workbook.getFirstSheet().openStream()) {
                rows.forEach((Row row) -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue())));
            }
        }
        return cells;
    }
}

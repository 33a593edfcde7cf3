package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.UnionCards;
import ru.profkom.members.generators.MemberGenerator;
import ru.profkom.members.generators.MemberGenerator.EmployerType;
import ru.profkom.members.generators.MemberGenerator.GeneratedPerson;
import ru.profkom.members.generators.MessyMemberFile;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.shared.Snils;

/**
 * An information worker of a primary organization imports a messy XLSX, reads the problems of the
 * preview, applies it and downloads the rejected rows; then finds a member, issues the electronic
 * card, checks it through its public QR address, records the member's exit and sees the card
 * become invalid.
 */
class MemberRegistryBrowserTests extends BrowserTest {

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String FILE_NAME = "Список-школы-17.xlsx";

    static BrowserFixture fixture;
    static String infoWorker;

    @Autowired
    UnionCards cards;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("mreg", organizations, accounts);
        infoWorker = BrowserFixture.account(accounts, fixture.school17(), "info.mreg", Role.INFO_WORKER);
    }

    @Test
    void importsMessyFileThenRecordsExitAndTheCardTurnsInvalid() throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        List<GeneratedPerson> people = new MemberGenerator(20_261_122L, today).people(24, EmployerType.SCHOOL);
        // Spreadsheet lines: 1 is the title, 2 the header, people start at 3.
        List<List<String>> rows = new ArrayList<>();
        for (GeneratedPerson person : people) {
            rows.add(cells(person));
        }
        rows.get(20).set(2, "31.02.1980");
        rows.get(21).set(2, today.plusYears(1).format(RUSSIAN_DATE));
        rows.get(22).set(3, brokenSnils(people.get(22).snils()));
        rows.set(23, new ArrayList<>(rows.get(0)));
        rows.get(23).set(1, rows.get(23).get(1).toUpperCase());
        byte[] xlsx = xlsx(rows);

        signIn(infoWorker, BrowserFixture.PASSWORD);
        page.getByTestId("my-roles").getByText(fixture.school17().shortName()).click();
        expectCard(fixture.school17().id(), fixture.school17().shortName());
        page.getByTestId("tab-members").click();
        page.waitForURL(url("/orgs/" + fixture.school17().id() + "/members"));
        page.getByTestId("import-members").click();
        page.waitForURL(url("/orgs/" + fixture.school17().id() + "/members/import"));

        page.locator("#file")
                .setInputFiles(new FilePayload(
                        FILE_NAME, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx));
        submit("Проверить файл");
        page.waitForURL(Pattern.compile(".*/member-imports/\\d+$"));
        assertThat(page.getByTestId("import-counts")).hasText("Строк с данными: 24; верных: 20; с ошибками: 4.");
        Locator problems = page.getByTestId("import-problems").locator("tbody tr");
        assertThat(problems).hasCount(4);
        assertThat(problem("31.02.1980").locator("td").first()).hasText("23");
        assertThat(problem("31.02.1980")).containsText("столбец «Дата рождения»: такой даты нет");
        assertThat(problem("в будущем")).containsText("столбец «Дата рождения»");
        assertThat(problem("СНИЛС неверен")).containsText("столбец «СНИЛС»");
        assertThat(problem("в будущем").locator("td").first()).hasText("24");
        assertThat(problem("СНИЛС неверен").locator("td").first()).hasText("25");
        assertThat(problem("повтор строки 3").locator("td").first()).hasText("26");
        screenshot("preview");

        submit("Применить");
        assertThat(page.getByTestId("import-result"))
                .hasText("Добавлено: 20, обновлено: 0, без изменений: 0, не принято: 4.");
        screenshot("applied");

        Download download = page.waitForDownload(
                () -> page.getByText("Скачать непринятые строки (CSV)").click());
        assertThat(download.suggestedFilename()).isEqualTo("Список-школы-17-ошибки.csv");
        String errors = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(errors)
                .contains("Ошибка")
                .contains("31.02.1980")
                .contains(people.get(21).lastName())
                .contains(people.get(22).lastName())
                .contains(people.get(0).lastName().toUpperCase())
                .doesNotContain(people.get(5).lastName() + " " + people.get(5).firstName());

        GeneratedPerson chosen = people.get(7);
        page.navigate(url("/orgs/" + fixture.school17().id() + "/members"));
        page.locator("#q").pressSequentially(chosen.lastName().substring(0, 4));
        Locator hit = page.getByTestId("members")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName(chosen.fullName())
                                .setExact(true));
        assertThat(hit).hasCount(1);
        screenshot("search");
        hit.click();
        page.waitForURL(Pattern.compile(".*/members/\\d+$"));
        assertThat(page.getByTestId("member-name")).hasText(chosen.fullName());
        long personId = Long.parseLong(page.url().replaceAll(".*/members/", ""));

        page.getByTestId("union-card-link").click();
        page.waitForURL(url("/members/" + personId + "/card"));
        page.getByTestId("card-issue").click();
        assertThat(page.getByTestId("union-card")).containsText("Действителен");
        assertThat(page.getByTestId("card-qr")).isVisible();
        assertThat(page.getByTestId("card-revoke")).isVisible();
        screenshot("card");
        // What a phone reads from the QR image: the public check address of this card.
        String qrTarget = decodeQr(
                page.request().get(url("/members/" + personId + "/card.png")).body());
        assertThat(qrTarget).matches("https?://.+/card/[0-9a-f]{24}");
        String token = qrTarget.substring(qrTarget.lastIndexOf('/') + 1);
        assertThat(token)
                .isEqualTo(CurrentActor.asSystem(() -> cards.card(personId).token()));

        BrowserContext stranger = browser().newContext(contextOptions());
        try {
            Page check = stranger.newPage();
            check.navigate(url("/card/" + token));
            assertThat(check.getByTestId("card-valid")).containsText("Билет действителен");
            assertThat(check.getByTestId("card-organization"))
                    .hasText(fixture.school17().shortName());
            assertThat(check.locator("body")).not().containsText(chosen.lastName());
            assertThat(check.locator("body")).not().containsText(chosen.firstName());
            check.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(getClass().getSimpleName() + "-verify-valid.png")));

            page.navigate(url("/members/" + personId));
            page.locator("summary", new Page.LocatorOptions().setHasText("Выход из профсоюза"))
                    .click();
            page.locator("#exit-reason").selectOption(new SelectOption().setLabel("По собственному желанию"));
            page.locator("#exit-date").fill(today.format(RUSSIAN_DATE));
            page.onceDialog(Dialog::accept);
            submit("Выход из профсоюза");
            page.waitForURL(url("/members/" + personId));
            Locator membership = page.getByTestId("memberships").locator("tbody tr");
            assertThat(membership).hasCount(1);
            assertThat(membership).containsText("Выбыл");
            assertThat(membership).containsText(today.format(RUSSIAN_DATE));
            assertThat(membership).containsText("По собственному желанию");
            assertThat(page.getByTestId("membership-actions")).hasCount(0);
            Locator history = page.getByTestId("history");
            // Who changed it, by name: the login is only the cell's title.
            assertThat(history.locator("tr", new Locator.LocatorOptions().setHasText("Выбыл")))
                    .containsText("Кузнецов Олег Викторович");
            assertThat(history).containsText("Состоит → Выбыл (По собственному желанию)");
            assertThat(history.locator("tr", new Locator.LocatorOptions().setHasText("Электронный билет")))
                    .containsText(new String[] {"выпущен → отозван", "— → выпущен"});
            screenshot("exited");

            check.reload();
            assertThat(check.getByTestId("card-invalid")).containsText("Билет недействителен");
            assertThat(check.getByTestId("card-valid")).hasCount(0);
            assertThat(check.locator("body")).not().containsText(chosen.lastName());
            check.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(getClass().getSimpleName() + "-verify-invalid.png")));
        } finally {
            stranger.close();
        }
    }

    private static String decodeQr(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            // The image is drawn, not photographed: read it as a pure code. The detector for photos missed the
            // finder patterns of one card in a CI run.
            return new QRCodeReader()
                    .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                    .getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReaderException e) {
            throw new AssertionError("The card's image is not a readable QR code", e);
        }
    }

    private Locator problem(String text) {
        return page.getByTestId("import-problems").locator("tbody tr", new Locator.LocatorOptions().setHasText(text));
    }

    /** The columns of {@link MessyMemberFile#HEADER}, in one person's row. */
    private static List<String> cells(GeneratedPerson person) {
        List<String> row = new ArrayList<>();
        row.add("");
        row.add(person.fullName());
        row.add(person.birthDate().format(RUSSIAN_DATE));
        row.add(Snils.display(person.snils()));
        row.add(person.phone());
        row.add(person.email() == null ? "" : person.email());
        row.add(person.position() == null ? "" : person.position());
        row.add("работающий");
        row.add(person.joinedOn().format(RUSSIAN_DATE));
        return row;
    }

    private static String brokenSnils(String snils) {
        char last = snils.charAt(10);
        return snils.substring(0, 10) + (char) (last == '9' ? '0' : last + 1);
    }

    /** A title row above the header, as staff save their lists, then the numbered rows. */
    private byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Profkom", "1.0");
            Worksheet sheet = workbook.newWorksheet("Лист1");
            sheet.value(0, 0, "Список членов профсоюза: " + fixture.school17().shortName());
            for (int c = 0; c < MessyMemberFile.HEADER.size(); c++) {
                sheet.value(1, c, MessyMemberFile.HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                sheet.value(r + 2, 0, r + 1);
                for (int c = 1; c < row.size(); c++) {
                    sheet.value(r + 2, c, row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package ru.profkom.statisticalreports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.members.Members;
import ru.profkom.organizations.Organizations;
import ru.profkom.statisticalreports.ReportChanges;
import ru.profkom.statisticalreports.ReportStatus;
import ru.profkom.statisticalreports.ReportWorld;
import ru.profkom.statisticalreports.StatisticalReports;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** The tab «Годовой отчёт» through its forms, and its files, as the chair and the parent's staff use them. */
@ProfkomIntegrationTest
class StatisticalReportPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Organizations organizations;

    @Autowired
    Members members;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    StatisticalReports reports;

    ReportWorld world;

    @BeforeEach
    void buildWorld() {
        world = ReportWorld.build(fixture, members, jdbc);
    }

    @Test
    void showsThePrefilledFormWithTheSourceOfEachLine() throws Exception {
        MvcResult result = mvc.perform(
                        get("/orgs/{id}/statistical-report", world.primary()).with(actors.signedIn(world.chair())))
                .andReturn();
        String page = result.getResponse().getContentAsString();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page)
                .contains("Годовой статистический отчёт", "за " + world.year() + " год", "01.01." + (world.year() + 1))
                .contains("Членов профсоюза всего", "Молодёжи до 35 лет", "Обучено профактива за год")
                .contains("из реестра", "вручную", "Не начат")
                .contains("name=\"MEMBERS\"", "value=\"7\"", "name=\"registry.MEMBERS\"")
                .contains("data-testid=\"report-submit\"", "data-testid=\"tab-statistical-report\"");
    }

    @Test
    void showsEveryWrongValueNextToItsLineAndStoresNothing() throws Exception {
        var before = database.take();

        String page = mvc.perform(form(world.primary(), world.chair(), "save")
                        .param("WOMEN", "100")
                        .param("registry.WOMEN", "4")
                        .param("JOINED", "три")
                        .param("TRAINED_ACTIVISTS", "-1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String future = mvc.perform(get("/orgs/{id}/statistical-report", world.primary())
                        .param("year", String.valueOf(world.year() + 5))
                        .with(actors.signedIn(world.chair())))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("«Принято в профсоюз»: нужно целое число, только цифры.")
                .contains("data-testid=\"error-JOINED\"", "value=\"три\"");
        String negative = mvc.perform(form(world.primary(), world.chair(), "save")
                        .param("WOMEN", "100")
                        .param("registry.WOMEN", "4")
                        .param("TRAINED_ACTIVISTS", "-1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(negative)
                .contains("«Обучено профактива за год»: число не может быть отрицательным.")
                .contains("data-testid=\"error-TRAINED_ACTIVISTS\"");
        String absurd = mvc.perform(form(world.primary(), world.chair(), "submit")
                        .param("WOMEN", "100")
                        .param("registry.WOMEN", "4"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(absurd).contains("«Женщин»: 100 — больше, чем членов профсоюза всего (7).");
        assertThat(future).contains("этот день ещё не наступил", "за " + world.year() + " год");
        database.assertUnchangedSince(before);
    }

    @Test
    void submitsReturnsWithACommentAndAcceptsThroughTheForms() throws Exception {
        MvcResult submitted = mvc.perform(form(world.primary(), world.chair(), "submit")
                        .param("MEMBERS", "7")
                        .param("registry.MEMBERS", "7")
                        .param("TRAINED_ACTIVISTS", "5")
                        .param("COLLECTIVE_AGREEMENTS", "1")
                        .param("COVERED_BY_AGREEMENTS", "290"))
                .andReturn();
        assertThat(submitted.getResponse().getRedirectedUrl())
                .isEqualTo("/orgs/" + world.primary() + "/statistical-report?year=" + world.year());
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);

        String withoutComment = mvc.perform(post("/orgs/{id}/statistical-report/return", world.primary())
                        .param("year", String.valueOf(world.year()))
                        .param("comment", "  ")
                        .with(actors.signedIn(world.territorialAdmin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(withoutComment).contains("Напишите комментарий: что нужно исправить в отчёте.");
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);
        String byTheChair = mvc.perform(post("/orgs/{id}/statistical-report/accept", world.primary())
                        .param("year", String.valueOf(world.year()))
                        .with(actors.signedIn(world.chair())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byTheChair).contains("Принять или вернуть отчёт может только аппарат вышестоящей организации");
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);

        mvc.perform(post("/orgs/{id}/statistical-report/return", world.primary())
                .param("year", String.valueOf(world.year()))
                .param("comment", "Сверьте число обученных")
                .with(actors.signedIn(world.territorialAdmin())));
        String returned = mvc.perform(
                        get("/orgs/{id}/statistical-report", world.primary()).with(actors.signedIn(world.chair())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(returned).contains("Возвращён на доработку", "Сверьте число обученных", "value=\"5\"");

        mvc.perform(form(world.primary(), world.chair(), "submit").param("TRAINED_ACTIVISTS", "6"));
        mvc.perform(post("/orgs/{id}/statistical-report/accept", world.primary())
                .param("year", String.valueOf(world.year()))
                .with(actors.signedIn(world.territorialAdmin())));
        assertThat(status()).isEqualTo(ReportStatus.ACCEPTED);

        String parent = mvc.perform(get("/orgs/{id}/statistical-report", world.territorial())
                        .with(actors.signedIn(world.territorialAdmin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(parent)
                .contains("Сводный годовой статистический отчёт", "Принято отчётов дочерних организаций: 1 из 2")
                .contains("data-testid=\"children\"", "Принят", "Не начат");
    }

    @Test
    void exportsTheConsolidatedReportAndTheListsToXlsxAndPdf() throws Exception {
        actors.run(
                world.chair(),
                () -> reports.submit(
                        world.primary(), world.year(), new ReportChanges(null, ReportWorld.handLines(5, 1, 290))));
        actors.run(world.territorialAdmin(), () -> reports.accept(world.primary(), world.year()));

        MvcResult xlsx = mvc.perform(get("/orgs/{id}/statistical-report.xlsx", world.territorial())
                        .with(actors.signedIn(world.regionAdmin())))
                .andReturn();
        MvcResult pdf = mvc.perform(get("/orgs/{id}/statistical-report.pdf", world.territorial())
                        .with(actors.signedIn(world.regionAdmin())))
                .andReturn();
        MvcResult missing = mvc.perform(get("/orgs/{id}/statistical-report/subtree.xlsx", world.region())
                        .with(actors.signedIn(world.regionAdmin())))
                .andReturn();

        List<List<String>> rows = rows(xlsx.getResponse().getContentAsByteArray());
        String primaryName =
                actors.asSystem(() -> organizations.get(world.primary())).shortName();
        List<String> members = rows.stream()
                .filter(row -> !row.isEmpty() && row.getFirst().equals("Членов профсоюза всего"))
                .findFirst()
                .orElseThrow();
        assertThat(members).containsSubsequence("из реестра", "0", "0", "7", "7");
        List<String> header = rows.stream()
                .filter(row ->
                        row.contains("Членов профсоюза всего") && row.getFirst().equals("Организация"))
                .findFirst()
                .orElseThrow();
        List<String> child = rows.stream()
                .filter(row -> !row.isEmpty() && row.getFirst().equals(primaryName))
                .findFirst()
                .orElseThrow();
        assertThat(child.get(header.indexOf("Членов профсоюза всего"))).isEqualTo("7");
        assertThat(child.get(header.indexOf("Обучено профактива за год"))).isEqualTo("5");

        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf.getResponse().getContentAsByteArray())).getTextFromPage(1);
        assertThat(text).contains("Сводный годовой статистический отчёт", "Членов профсоюза всего");

        List<List<String>> notSubmitted = rows(missing.getResponse().getContentAsByteArray());
        String secondName =
                actors.asSystem(() -> organizations.get(world.second())).shortName();
        assertThat(notSubmitted).extracting(List::getFirst).contains(secondName).doesNotContain(primaryName);
    }

    private MockHttpServletRequestBuilder form(long organization, String login, String action) {
        return post("/orgs/{id}/statistical-report", organization)
                .param("year", String.valueOf(world.year()))
                .param("action", action)
                .with(actors.signedIn(login));
    }

    private ReportStatus status() {
        return actors.as(world.chair(), () -> reports.report(world.primary(), world.year()))
                .status();
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
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

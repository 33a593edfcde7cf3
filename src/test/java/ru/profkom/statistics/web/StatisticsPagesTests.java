package ru.profkom.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** The dashboard and its exports as a regional administrator gets them, and refusals to others. */
@ProfkomIntegrationTest
class StatisticsPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Test
    void showsTheDashboardWithChartsAndTheChildrenToDrillInto() throws Exception {
        MvcResult result = mvc.perform(get("/orgs/{id}/statistics", fixture.regionA())
                        .param("from", "01.01.2026")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        String page = result.getResponse().getContentAsString();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page)
                .contains("Статистика членства", "Динамика численности", "Молодёжь до 35 лет", "Уровень членства")
                .contains("data-testid=\"chart-dynamics\"", "<polyline", "viewBox=\"0 0 640 220\"")
                .contains("data-testid=\"ranking-slot\"")
                .contains("/orgs/" + fixture.territorialA1() + "/statistics?date=");
    }

    @Test
    void showsAWrongDateNextToItsFieldInRussian() throws Exception {
        String page = mvc.perform(get("/orgs/{id}/statistics", fixture.regionA())
                        .param("date", "31.02.2026")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String future = mvc.perform(get("/orgs/{id}/statistics", fixture.regionA())
                        .param("date", "01.01.2099")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Дата указана неверно");
        assertThat(future).contains("Дата не может быть в будущем");
    }

    @Test
    void exportsTheDashboardToXlsxAndToPdfWithRussianText() throws Exception {
        MvcResult xlsx = mvc.perform(
                        get("/orgs/{id}/statistics.xlsx", fixture.regionA()).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        MvcResult pdf = mvc.perform(
                        get("/orgs/{id}/statistics.pdf", fixture.regionA()).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();

        assertThat(xlsx.getResponse().getContentType()).contains("spreadsheetml");
        assertThat(sharedStrings(xlsx.getResponse().getContentAsByteArray()))
                .contains("Членов профсоюза", "Молодёжь до 35 лет", "Архангельская областная организация");
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(pdf.getResponse().getContentAsByteArray());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Архангельская областная организация", "Членов профсоюза");
    }

    @Test
    void refusesTheDashboardOfAnotherRegionAndItsExports() throws Exception {
        for (String path :
                new String[] {"/orgs/{id}/statistics", "/orgs/{id}/statistics.xlsx", "/orgs/{id}/statistics.pdf"}) {
            int status = mvc.perform(get(path, fixture.regionB()).with(actors.signedIn(Fixture.ADMIN_A)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isEqualTo(404);
        }
    }

    private static String sharedStrings(byte[] xlsx) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("statistics", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String xml = new String(
                        zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
                // fastexcel writes letters beyond ASCII as character references.
                return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
                        .matcher(xml)
                        .replaceAll(match -> Character.toString(Integer.parseInt(match.group(1), 16)));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}

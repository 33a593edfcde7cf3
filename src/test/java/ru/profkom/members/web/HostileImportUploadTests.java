package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import profkom.schema.Tables;
import ru.profkom.members.imports.HostileFiles;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * Hostile files through the web upload, page and API: each is refused with a Russian sentence naming its
 * line (nothing stored), or has only its damaged row refused. Run with {@code -Dprofkom.test.db=postgres}
 * the NUL row is the one PostgreSQL's staging insert used to fail on.
 */
@ProfkomIntegrationTest
class HostileImportUploadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    DSLContext dsl;

    @Test
    void aQuoteLeftOpenEarlyInA60MegabyteFileIsRefusedOnThePageAndInTheApiNamingItsLine() throws Exception {
        byte[] file = HostileFiles.file(
                "ФИО;Дата рождения;Должность\r\nНезакрытов Нил;02.02.1980;\"Слесарь\r\n",
                HostileFiles.repeated("Иванов Иван Иванович;01.01.1980;Врач\r\n", 60L * HostileFiles.MEGABYTE),
                "");
        var before = database.take();

        String page = page(file);
        MvcResult api = api(csv(file));

        assertThat(page).contains("data-testid=\"file-error\"").contains("Строка 2: кавычка не закрыта");
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(api)).contains("\"field\":\"file\"", "Строка 2: кавычка не закрыта");
        database.assertUnchangedSince(before);
    }

    @Test
    void aLineOfSemicolonsAndAnEndlessCellAreRefusedNamingTheirLines() throws Exception {
        byte[] semicolons = HostileFiles.file("", HostileFiles.repeated(";", 50L * HostileFiles.MEGABYTE), "\r\n");
        byte[] endless = HostileFiles.file(
                "ФИО;СНИЛС\r\nИванов ", HostileFiles.repeated("я", 60L * HostileFiles.MEGABYTE), ";\r\n");
        var before = database.take();

        MvcResult cells = api(csv(semicolons));
        MvcResult cell = api(csv(endless));

        assertThat(cells.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(cells)).contains("Строка 1: больше 200 ячеек");
        assertThat(cell.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(cell)).contains("Строка 2: в ячейке больше 10000 символов");
        database.assertUnchangedSince(before);
    }

    @Test
    void aNulByteAfterTheFirst64KilobytesRefusesItsRowOnlyAndNeverReachesTheStagingTables() throws Exception {
        // Ten people with a long note each push the damaged row past the first 64 KB.
        StringBuilder csv = new StringBuilder("ФИО;Дата рождения;СНИЛС;Примечание\n");
        int line = 1;
        for (int day = 10; day < 20; day++) {
            csv.append("Длиннов Павел;")
                    .append(day)
                    .append(".01.1970;;")
                    .append("x".repeat(8000))
                    .append('\n');
            line++;
        }
        String snils = Fixture.uniqueSnils();
        csv.append("Нулев\0 Николай;01.01.1980;;\n")
                .append("Целов Цезарь;01.01.1981;")
                .append(snils)
                .append(";\n");
        int damaged = line + 1;

        MvcResult uploaded = api(csv(csv.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
        String id = body(uploaded).replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1");
        MvcResult problems = mvc.perform(get("/api/v1/member-imports/{id}/problems", id)
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn();
        assertThat(body(problems))
                .contains("Строка " + damaged + ": в столбце «ФИО» нулевой байт (NUL)")
                .contains("\"total\":1");
        assertThat(dsl.fetchCount(
                        Tables.MEMBER_IMPORT_CHUNK,
                        Tables.MEMBER_IMPORT_CHUNK
                                .IMPORT_ID
                                .eq(Long.parseLong(id))
                                .and(Tables.MEMBER_IMPORT_CHUNK.LINES.contains("Целов Цезарь"))))
                .isEqualTo(1);
    }

    @Test
    void aRequestWithoutTheFilePartSaysNoFileWasChosenNotThatTheFileIsEmpty() throws Exception {
        MvcResult api = api(multipart("/api/v1/organizations/{id}/member-imports", fixture.primaryA1()));
        String page = mvc.perform(multipart("/orgs/{id}/members/import", fixture.primaryA1())
                        .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(api))
                .contains("Файл не выбран: в запросе нет части «file»")
                .doesNotContain("Файл пуст");
        assertThat(page).contains("Файл не выбран: выберите файл CSV или XLSX").doesNotContain("Файл пуст");
    }

    @Test
    void aRowWithoutAColumnForTheNameNamesTheFieldToMap() throws Exception {
        byte[] file = "Сотрудник;Дата рождения\nБезымянов Борис;01.01.1980\n".getBytes(StandardCharsets.UTF_8);

        MvcResult uploaded = api(csv(file));

        String id = body(uploaded).replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1");
        String problems = body(mvc.perform(get("/api/v1/member-imports/{id}/problems", id)
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn());
        assertThat(problems).contains("Строка 2, поле «Фамилия» (ни один столбец файла не сопоставлен с ним)");
    }

    private MockMultipartHttpServletRequestBuilder csv(byte[] file) {
        return multipart("/api/v1/organizations/{id}/member-imports", fixture.primaryA1())
                .file(new MockMultipartFile("file", "hostile.csv", "text/csv", file));
    }

    private MvcResult api(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn();
    }

    private String page(byte[] file) throws Exception {
        return mvc.perform(multipart("/orgs/{id}/members/import", fixture.primaryA1())
                        .file(new MockMultipartFile("file", "hostile.csv", "text/csv", file))
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

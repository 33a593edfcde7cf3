package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class MemberImportPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    MemberImports imports;

    @Test
    void uploadsShowsTheProblemsAndLetsTheUserMapAnUnknownColumn() throws Exception {
        String csv = "Сотрудник;Дата рождения;Примечание\n"
                + "Страничкин Степан;01.01.1980;\n"
                + "Датов Давид;31.02.1980;\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "staff.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        String location = mvc.perform(multipart("/orgs/{id}/members/import", fixture.primaryA1())
                        .file(file)
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/member-imports/");

        String page = mvc.perform(get(location).with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Сотрудник", "name=\"field\"");

        mvc.perform(post(location + "/mapping")
                        .param("field", "FULL_NAME", "BIRTH_DATE", "IGNORE")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection());
        String remapped = mvc.perform(get(location).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(remapped)
                .contains("Строка 3, столбец «Дата рождения»: такой даты нет (31.02.1980).")
                .contains("верных: 1");

        mvc.perform(get(location + "/progress").with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk());
        String errors = mvc.perform(get(location + "/errors.csv").with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("Сотрудник;Дата рождения;Примечание;Ошибка", "Датов Давид;31.02.1980");
    }

    @Test
    void showsTheReasonWhenTheFileCannotBeReadAndHidesOtherRegionsImports() throws Exception {
        MockMultipartFile empty = new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]);

        String page = mvc.perform(multipart("/orgs/{id}/members/import", fixture.primaryA1())
                        .file(empty)
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Файл пуст");

        mvc.perform(get("/orgs/{id}/members/import", fixture.primaryA1()).with(actors.signedIn(Fixture.ADMIN_B)))
                .andExpect(status().isNotFound());
    }
}

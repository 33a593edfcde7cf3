package ru.profkom.organizations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * Bad input through the pages and the API: the user reads a Russian reason, and nothing changes.
 * Forged ids are what a user gets by editing a hidden field or the address.
 */
@ProfkomIntegrationTest
class OrganizationFormsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void showsTheReasonForAnInvalidInnInTheFormAndCreatesNothing() throws Exception {
        var before = database.take();

        String page = submit(
                Fixture.ADMIN_A,
                post("/orgs/{id}/new", fixture.regionA())
                        .param("kind", "TERRITORIAL")
                        .param("code", Fixture.unique("FORM"))
                        .param("shortName", "Территориальная из формы")
                        .param("fullName", "Территориальная организация из формы")
                        .param("inn", "1234567890"));

        assertThat(page).contains("ИНН неверен");
        database.assertUnchangedSince(before);
    }

    @Test
    void showsTheReasonsForADuplicateCodeAndAnOverLongNameInTheForm() throws Exception {
        var before = database.take();

        String page = submit(
                Fixture.ADMIN_A,
                post("/orgs/{id}/new", fixture.regionA())
                        .param("kind", "TERRITORIAL")
                        .param("code", "TER-A1")
                        .param("shortName", "К".repeat(201))
                        .param("fullName", "Территориальная с длинным именем"));

        assertThat(page).contains("Слишком длинно: не больше 200 символов, сейчас 201.");
        database.assertUnchangedSince(before);

        String duplicate = submit(
                Fixture.ADMIN_A,
                post("/orgs/{id}/new", fixture.regionA())
                        .param("kind", "TERRITORIAL")
                        .param("code", "ter-a1")
                        .param("shortName", "Дубликат")
                        .param("fullName", "Территориальная с чужим кодом"));

        assertThat(duplicate).contains("Код «ter-a1» уже занят другой организацией.");
        database.assertUnchangedSince(before);
    }

    @Test
    void showsTheReasonForAMoveUnderTheOwnDescendant() throws Exception {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Переносимая формой");
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО переносимой формой");
        var before = database.take();

        String page = submit(
                Fixture.ADMIN_A, post("/orgs/{id}/move", territorial).param("newParentId", String.valueOf(primary)));

        assertThat(page).contains("Нельзя перенести организацию внутрь её собственного поддерева.");
        database.assertUnchangedSince(before);
    }

    @Test
    void showsTheReasonForLiquidatingAnOrganizationWithMembers() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО с членами, форма");
        fixture.account(primary, Role.MEMBER);
        var before = database.take();

        String page =
                submit(Fixture.ADMIN_A, post("/orgs/{id}/liquidate", primary).param("date", ""));
        String dated = submit(
                Fixture.ADMIN_A,
                post("/orgs/{id}/liquidate", primary)
                        .param(
                                "date",
                                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"))
                                        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));

        assertThat(page).contains("Заполните это поле.");
        assertThat(dated).contains("В организации 1 членов профсоюза с действующим членством");
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesAForgedNewParentInTheMoveForm() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО, которую уводят");
        var before = database.take();

        MvcResult result = perform(
                Fixture.ADMIN_A,
                post("/orgs/{id}/move", primary).param("newParentId", String.valueOf(fixture.territorialB1())));

        assertThat(result.getResponse().getStatus()).isIn(200, 403, 404);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Организация не найдена или недоступна вам.");
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesAForgedMergeTarget() throws Exception {
        long territorial =
                fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Присоединяемая формой");
        var before = database.take();

        MvcResult result = perform(
                Fixture.ADMIN_A,
                post("/orgs/{id}/merge", territorial).param("targetId", String.valueOf(fixture.territorialB1())));

        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Организация не найдена или недоступна вам.");
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesForgedOrganizationsInTheRoleForms() throws Exception {
        var before = database.take();

        MvcResult grant = perform(
                Fixture.ADMIN_A,
                post("/orgs/{id}/roles", fixture.regionB())
                        .param("login", Fixture.CHAIR_A)
                        .param("role", "ORG_ADMIN"));
        MvcResult create = perform(
                Fixture.ADMIN_A,
                post("/orgs/{id}/accounts", fixture.territorialB1())
                        .param("login", Fixture.unique("forged"))
                        .param("fullName", "Подставной Пользователь")
                        .param("password", Fixture.PASSWORD)
                        .param("role", "ORG_ADMIN"));
        MvcResult revoke = perform(
                Fixture.ADMIN_A,
                post("/roles/{grantId}/revoke", fixture.grantAdminB())
                        .param("organizationId", String.valueOf(fixture.regionA())));

        assertThat(grant.getResponse().getStatus()).isEqualTo(404);
        assertThat(create.getResponse().getStatus()).isEqualTo(404);
        assertThat(revoke.getResponse().getStatus()).isEqualTo(404);
        assertThat(grant.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Организация не найдена или недоступна вам.");
        assertThat(revoke.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Роль не найдена или недоступна вам.");
        database.assertUnchangedSince(before);
    }

    @Test
    void answersBadApiInputWithARussianProblemAndCreatesNothing() throws Exception {
        var before = database.take();

        MvcResult result = mvc.perform(post("/api/v1/organizations/{id}/children", fixture.regionA())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TERRITORIAL\",\"code\":\"TER-A2\",\"shortName\":\"" + "Я".repeat(201)
                                + "\",\"fullName\":\"Территориальная\",\"inn\":\"1234567890\"}"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String problem = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("Данные не приняты");
        assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'inn')].message"))
                .singleElement()
                .asString()
                .startsWith("ИНН неверен");
        assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'shortName')].message"))
                .containsExactly("Слишком длинно: не больше 200 символов, сейчас 201.");
        database.assertUnchangedSince(before);
    }

    private String submit(String login, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = perform(login, request);
        assertThat(result.getResponse().getStatus())
                .as("the form is shown again with the reason")
                .isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult perform(String login, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(actors.signedIn(login))).andReturn();
    }
}

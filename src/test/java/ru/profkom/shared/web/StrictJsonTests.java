package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * JSON is read as typed: a value of the wrong type is refused with a Russian problem naming its field and
 * pointing at it, and nothing is stored, where it used to be converted (a number into a date, a number into a
 * surname, a number into the n-th status).
 */
@ProfkomIntegrationTest
class StrictJsonTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void aNumberIsNotADate() throws Exception {
        MvcResult result = register("{\"person\":{\"lastName\":\"Сидоров\",\"firstName\":\"Иван\",\"birthDate\":5}}");

        assertRefused(
                result,
                "birthDate",
                "/person/birthDate",
                "Запрос не прочитан: в поле «birthDate» нужна дата строкой вида ГГГГ-ММ-ДД");
    }

    @Test
    void aNumberIsNotASurname() throws Exception {
        MvcResult result = register("{\"person\":{\"lastName\":123,\"firstName\":\"Иван\"}}");

        assertRefused(
                result,
                "lastName",
                "/person/lastName",
                "Запрос не прочитан: в поле «lastName» нужен текст в кавычках.");
    }

    @Test
    void aNumberIsNotAStatus() throws Exception {
        MvcResult result = register(
                "{\"person\":{\"lastName\":\"Сидоров\",\"firstName\":\"Иван\"},\"membership\":{\"status\":1}}");

        assertRefused(
                result, "status", "/membership/status", "Запрос не прочитан: в поле «status» значение не из списка");
        assertThat(body(result)).contains("APPLICATION, ACTIVE, SUSPENDED, EXITED");
    }

    @Test
    void anUnknownValueOfAListNamesTheValuesAllowed() throws Exception {
        MvcResult result =
                register("{\"person\":{\"lastName\":\"Сидоров\",\"firstName\":\"Иван\",\"gender\":\"ALIEN\"}}");

        assertRefused(
                result,
                "gender",
                "/person/gender",
                "Запрос не прочитан: в поле «gender» значение не из списка, нужно одно из: M, F.");
    }

    @Test
    void aNulCharacterInTextIsRefusedWithItsPosition() throws Exception {
        MvcResult result = register("{\"person\":{\"lastName\":\"Ив\\u0000анов\",\"firstName\":\"Иван\"}}");

        assertRefused(
                result,
                "lastName",
                "/person/lastName",
                "В поле «lastName» недопустимый управляющий символ U+0000 (позиция 3)");
    }

    @Test
    void aWellTypedRequestIsStillTaken() throws Exception {
        MvcResult result = register("{\"person\":{\"lastName\":\"" + Fixture.uniqueSurname("Строгов")
                + "\",\"firstName\":\"Иван\",\"birthDate\":\"1980-05-17\",\"gender\":\"F\"},"
                + "\"membership\":{\"status\":\"ACTIVE\",\"joinedOn\":\"\"}}");

        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
        assertThat(JsonPath.<String>read(body(result), "$.birthDate")).isEqualTo("1980-05-17");
    }

    private MvcResult register(String json) throws Exception {
        return mvc.perform(post("/api/v1/organizations/{id}/members", fixture.primaryA1())
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn();
    }

    private void assertRefused(MvcResult result, String field, String pointer, String message) throws Exception {
        DatabaseSnapshot.Content before = database.take();
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(result), "$.errors[0].field")).isEqualTo(field);
        assertThat(JsonPath.<String>read(body(result), "$.errors[0].pointer")).isEqualTo(pointer);
        assertThat(JsonPath.<String>read(body(result), "$.detail")).startsWith(message);
        database.assertUnchangedSince(before);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** Refusals of the REST API as problem details: Russian first, English on request, nothing else. */
@ProfkomIntegrationTest
class ApiErrorsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Test
    void explainsARefusalInRussianWhateverTheBrowserPrefers() throws Exception {
        MvcResult result = call(get("/api/v1/organizations/{id}", fixture.primaryB1())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"));

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(detail(result)).isEqualTo("Организация не найдена или недоступна вам.");
        assertThat(JsonPath.<String>read(body(result), "$.title")).isEqualTo("Не найдено");
    }

    @Test
    void explainsARefusalInEnglishOnRequest() throws Exception {
        MvcResult result =
                call(get("/api/v1/organizations/{id}", fixture.primaryB1()).param("lang", "en"));

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(detail(result)).doesNotContainPattern("[А-Яа-яЁё]").isNotBlank();
    }

    @Test
    void fallsBackToRussianForALanguageItDoesNotSpeak() throws Exception {
        MvcResult result =
                call(get("/api/v1/organizations/{id}", fixture.primaryB1()).param("lang", "de"));

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(detail(result)).isEqualTo("Организация не найдена или недоступна вам.");
    }

    @Test
    void explainsUnreadableJsonInRussian() throws Exception {
        MvcResult result = call(post("/api/v1/organizations/{id}/children", fixture.regionA())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"GALAXY\""));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(detail(result)).startsWith("Запрос не прочитан");
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String detail(MvcResult result) throws Exception {
        return JsonPath.read(body(result), "$.detail");
    }
}

package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * The paging of lists through {@link PageRequests} in the running application: the API refuses a page it cannot read
 * in Russian naming the parameter, a screen shows its first page, and the API's description still names the
 * parameters.
 */
@ProfkomIntegrationTest
class PagingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Test
    void theApiRefusesAnUnreadablePageInRussianNamingTheParameter() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/organizations/{id}/children", fixture.regionA())
                        .param("page", "вторая")
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(body, "$.errors[0].field")).isEqualTo("page");
        assertThat(JsonPath.<String>read(body, "$.detail"))
                .isEqualTo("Номер страницы «вторая» не прочитан: нужно целое число от 0.");
    }

    @Test
    void theApiCapsTheSizeAndReadsThePage() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/organizations/{id}/children", fixture.regionA())
                        .param("page", "1")
                        .param("size", "100000")
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(body, "$.page")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(body, "$.size")).isEqualTo(200);
    }

    @Test
    void aScreenShowsItsFirstPageForAPageItCannotRead() throws Exception {
        MvcResult result = mvc.perform(get("/orgs/{id}/roles", fixture.regionA())
                        .param("page", "вторая")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionNamesThePagingParameters() throws Exception {
        String document = mvc.perform(get("/v3/api-docs").with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<Map<String, Object>> parameters =
                JsonPath.read(document, "$.paths['/api/v1/organizations/{id}/children'].get.parameters");
        assertThat(parameters)
                .extracting(parameter -> parameter.get("name"))
                .contains("page", "size")
                .doesNotContain("pageRequest", "request");
        List<Map<String, Object>> search =
                JsonPath.read(document, "$.paths['/api/v1/publications/search'].get.parameters[?(@.name == 'size')]");
        assertThat(search)
                .singleElement()
                .satisfies(size -> assertThat(size.get("schema")).asString().contains("default=20", "maximum=200"));
    }
}

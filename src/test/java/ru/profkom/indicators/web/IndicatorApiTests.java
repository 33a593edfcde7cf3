package ru.profkom.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class IndicatorApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void refusesBadInputWithRussianProblemDetailsAndStoresNothing() throws Exception {
        long territorial =
                fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "API " + Fixture.unique("T"));
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО API");
        var before = database.take();

        MvcResult weights = call(put("/api/v1/organizations/" + territorial + "/rating/weights")
                .content("{\"weights\":{\"INFO_WORKER\":70,\"CHANNELS\":20}}"));
        assertThat(weights.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(weights)).contains("Сумма весов должна быть ровно 100 %, сейчас 90 %.");

        MvcResult entry = call(put("/api/v1/organizations/" + primary + "/indicators/entry")
                .content("{\"budget\":-10,\"infoSpending\":5,\"trainedInfoWorkers\":-1}"));
        assertThat(entry.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(entry)).contains("Число не может быть отрицательным.");

        MvcResult future = call(put("/api/v1/organizations/" + primary + "/indicators/entry?period=2999-01")
                .content("{}"));
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(future)).contains("Месяц 2999-01 ещё не наступил");
        database.assertUnchangedSince(before);

        MvcResult saved = call(put("/api/v1/organizations/" + territorial + "/rating/weights")
                .content("{\"weights\":{\"INFO_WORKER\":70,\"CHANNELS\":30}}"));
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        MvcResult ranking = call(get("/api/v1/organizations/" + territorial + "/rating"));
        assertThat(body(ranking)).contains("\"weightsSetBy\":" + territorial).contains("ППО API");
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

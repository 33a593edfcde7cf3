package ru.profkom.channelregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class RegistryChannelPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void addsAChannelEntersACountAndShowsTheChartTheWarningAndTheExport() throws Exception {
        long primary =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО завода"));

        MvcResult added = mvc.perform(post("/orgs/" + primary + "/channels")
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .with(csrf())
                        .param("kind", "TELEGRAM_CHANNEL")
                        .param("name", "Канал завода")
                        .param("address", "https://t.me/zavod_ppo"))
                .andReturn();
        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        String channelPage = added.getResponse().getRedirectedUrl();
        assertThat(channelPage).startsWith("/orgs/" + primary + "/channels/");

        MvcResult counted = mvc.perform(post(channelPage + "/count")
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .with(csrf())
                        .param("date", "")
                        .param("subscribers", "9 250"))
                .andReturn();
        assertThat(counted.getResponse().getStatus()).isEqualTo(302);

        String page = html(get(channelPage));
        assertThat(page)
                .contains("Канал завода", "data-testid=\"channel-chart\"", "data-channel-chart", "chart.umd.min.js")
                .contains(new ru.profkom.shared.web.Formats().integer(9250))
                .contains("data-testid=\"rkn-warning\"", "зарегистрировать в Роскомнадзоре в течение 10 рабочих дней");
        for (String script : new String[] {"/webjars/chart.js/dist/chart.umd.min.js", "/js/channel-chart.js"}) {
            assertThat(mvc.perform(get(script).with(actors.signedIn(Fixture.ADMIN_A)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(script)
                    .isEqualTo(200);
        }
        String list = html(get("/orgs/" + fixture.territorialA1() + "/channels?subtree=true&q=" + "завода"));
        assertThat(list).contains("Канал завода", "data-testid=\"rkn-badge\"", "data-testid=\"tab-channels\"");

        MvcResult xlsx = mvc.perform(get("/orgs/" + fixture.territorialA1() + "/channels.xlsx?subtree=true")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
    }

    @Test
    void refusesAWrongFormNamingEachFieldInRussianAndStoresNothing() throws Exception {
        long primary =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО склада"));
        var before = database.take();

        MvcResult refused = mvc.perform(post("/orgs/" + primary + "/channels")
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .with(csrf())
                        .param("kind", "SITE")
                        .param("name", "")
                        .param("address", "не адрес")
                        .param("connected", "true"))
                .andReturn();
        String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("data-testid=\"error-name\"", "data-testid=\"error-address\"")
                .contains("Адрес: укажите ссылку (https://…) или @имя")
                .contains("Автоматически читаются только каналы Telegram и сообщества ВКонтакте");
        database.assertUnchangedSince(before);
    }

    @Test
    void theApiRegistersListsAndRefusesInRussian() throws Exception {
        long primary =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО API"));

        MvcResult created = api(post("/api/v1/organizations/" + primary + "/channels")
                .content("{\"kind\":\"VK_COMMUNITY\",\"address\":\"https://vk.com/club31337\",\"name\":\"ВК профкома\","
                        + "\"connected\":true}"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(created)).contains("\"apiTarget\":\"31337\"", "\"connected\":true");

        MvcResult list = api(get("/api/v1/organizations/" + fixture.territorialA1()
                + "/channels?subtree=true&kind=VK_COMMUNITY&q=профкома"));
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(list)).contains("ВК профкома");

        MvcResult wrongKind = api(get("/api/v1/organizations/" + primary + "/channels?kind=FAX"));
        assertThat(wrongKind.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(wrongKind)).contains("Неизвестный вид канала");

        MvcResult refused = api(
                post("/api/v1/organizations/" + primary + "/channels")
                        .content(
                                "{\"kind\":\"TELEGRAM_CHAT\",\"address\":\"https://t.me/+Invite123\",\"name\":\"Чат\",\"connected\":true}"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("Идентификатор для API: не определяется по адресу");

        MvcResult totals = api(get("/api/v1/organizations/" + primary + "/channels/totals"));
        assertThat(totals.getResponse().getStatus()).isEqualTo(200);
    }

    private MvcResult api(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.with(actors.signedIn(Fixture.ADMIN_A))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return body(result);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

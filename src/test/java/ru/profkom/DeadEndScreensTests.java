package ru.profkom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.publications.Publication;
import ru.profkom.publications.PublicationDraft;
import ru.profkom.publications.Publications;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * Screens that crashed or led nowhere (issue 13, items 8 and 9): each page answers, and a link it shows leads
 * to a page the same user may open.
 */
@ProfkomIntegrationTest
class DeadEndScreensTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Publications publications;

    @Test
    void showsTheChannelsPageWithAFormPerKindOfChannel() throws Exception {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);

        MockHttpServletResponse page = open(get("/orgs/" + fixture.primaryA1() + "/site/channels"), info);

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-testid=\"channel-TELEGRAM\"", "data-testid=\"channel-VK\"");

        MockHttpServletResponse unknownKind = open(
                post("/orgs/" + fixture.primaryA1() + "/site/channels")
                        .param("kind", "EMAIL")
                        .param("target", "@profkom")
                        .param("token", "123456:token")
                        .with(csrf()),
                info);
        assertThat(unknownKind.getRedirectedUrl()).isEqualTo("/orgs/" + fixture.primaryA1() + "/site/channels");
        assertThat(unknownKind.getStatus()).isEqualTo(302);
    }

    @Test
    void offersToMoveAnOrganizationOnlyToWhoAdministersTheParentAndExplainsWhoDoesOtherwise() throws Exception {
        String townAdmin = fixture.account(fixture.territorialA1(), Role.ORG_ADMIN);

        for (String[] who : List.of(
                new String[] {Fixture.ADMIN_A, "/orgs/" + fixture.regionA()},
                new String[] {townAdmin, "/orgs/" + fixture.territorialA1()})) {
            Document card = html(get(who[1]), who[0]);
            assertThat(card.select("a[href=" + who[1] + "/move]"))
                    .as("«Перенести» for %s on %s", who[0], who[1])
                    .isEmpty();
            MockHttpServletResponse move = open(get(who[1] + "/move"), who[0]);
            assertThat(move.getStatus()).as(who[1] + "/move").isEqualTo(200);
            assertThat(move.getContentAsString(StandardCharsets.UTF_8))
                    .contains("data-testid=\"move-not-allowed\"")
                    .doesNotContain("name=\"q\"");
        }

        String primary = "/orgs/" + fixture.primaryA1();
        assertThat(html(get(primary), townAdmin).select("a[href=" + primary + "/move]"))
                .hasSize(1);
        assertThat(html(get(primary + "/move"), townAdmin).select("#candidate-search"))
                .hasSize(1);
    }

    @Test
    void leadsAMemberFromTheTagsOfNewsOfAnotherOrganizationToAPageTheMemberMayOpen() throws Exception {
        String townInfo = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        Publication news = actors.as(
                townInfo,
                () -> publications.create(
                        fixture.territorialA1(),
                        new PublicationDraft(
                                "Городской турнир", "<p>Текст</p>", null, List.of("спартакиада"), List.of(), null)));
        actors.as(townInfo, () -> publications.publish(news.id()));

        Document page = html(get("/publications/" + news.id()), Fixture.MEMBER_A1);
        Element tag = page.selectFirst("[data-testid=tag]");

        assertThat(tag).isNotNull();
        assertThat(tag.text()).isEqualTo("#спартакиада");
        assertThat(open(get(tag.attr("href")), Fixture.MEMBER_A1).getStatus())
                .as(tag.attr("href"))
                .isEqualTo(200);
    }

    @Test
    void sendsThePublicFromTheApplicationsAddressToTheStartPageAndAnswersNotFoundElsewhere() throws Exception {
        MvcResult root = mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(root.getResponse().getRedirectedUrl()).isEqualTo("/portal");
        assertThat(root.getResponse().getCookie("SESSION"))
                .as("a visitor of «/» gets no session")
                .isNull();

        MockHttpServletResponse start = mvc.perform(get("/portal")).andReturn().getResponse();
        assertThat(start.getStatus()).isEqualTo(200);
        Document startPage = Jsoup.parse(start.getContentAsString(StandardCharsets.UTF_8));
        assertThat(startPage.select("a[href=/login]")).hasSize(1);
        assertThat(startPage.title()).contains("Страницы организаций профсоюза");

        for (String unknown : List.of("/no/such/page", "/favicon.png", "/Orgs")) {
            MvcResult answer =
                    mvc.perform(get(unknown).accept(MediaType.TEXT_HTML)).andReturn();
            assertThat(answer.getResponse().getStatus()).as(unknown).isEqualTo(404);
            assertThat(answer.getResponse().getRedirectedUrl()).as(unknown).isNull();
            assertThat(answer.getResponse().getCookie("SESSION")).as(unknown).isNull();
        }
        // The staff's pages still ask to sign in, and a signed-in user keeps the home page at «/».
        MvcResult staffPage =
                mvc.perform(get("/orgs").accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(staffPage.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(staffPage.getResponse().getCookie("SESSION"))
                .as("the page asked for is remembered for after the sign-in")
                .isNotNull();
        assertThat(open(get("/"), Fixture.ADMIN_A).getStatus()).isEqualTo(200);
    }

    @Test
    void answersASignedInUserAtAnAddressThatNamesNoPageWithTheRussianNotFoundPage() throws Exception {
        MockHttpServletResponse page = open(get("/no/such/page").accept(MediaType.TEXT_HTML), Fixture.MEMBER_A1);

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("Страница не найдена", "/css/profkom.css")
                .doesNotContain("static resource");

        MockHttpServletResponse api = mvc.perform(get("/api/v1/no-such-thing")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"title\":\"Не найдено\"", "Адрес «/api/v1/no-such-thing» не найден")
                .doesNotContain("static resource", "Not Found");
    }

    private MockHttpServletResponse open(MockHttpServletRequestBuilder request, String login) throws Exception {
        return mvc.perform(request.with(actors.signedIn(login))).andReturn().getResponse();
    }

    private Document html(MockHttpServletRequestBuilder request, String login) throws Exception {
        MockHttpServletResponse response = open(request, login);
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}

package ru.profkom.publications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.publications.Publication;
import ru.profkom.publications.PublicationDraft;
import ru.profkom.publications.Publications;
import ru.profkom.publications.Route;
import ru.profkom.publications.RoutePurpose;
import ru.profkom.publications.TestImages;
import ru.profkom.publications.UpwardRoutes;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class PublicationPagesTests {

    static final String SCRIPT = "<script>alert('xss')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Publications publications;

    @Autowired
    UpwardRoutes routes;

    @Test
    void aPackageWithoutTitleIsShownAgainWithTheMistakeAtTheTitleAndTheBodyKept() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/orgs/{id}/packages", fixture.regionA())
                        .param("title", "")
                        .param("body", "Текст пакета")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern("<input[^>]*is-invalid[^>]*id=\"title\"[^>]*required")
                .containsPattern("data-testid=\"error-title\">[^<]+</div>")
                .contains("Текст пакета");
    }

    @Test
    void rendersStoredScriptsInTitlesBodiesCommentsAndFileNamesAsText() throws Exception {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String cityInfo = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        Publication p = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(),
                        new PublicationDraft(
                                SCRIPT + "Новость",
                                "<p>Текст" + SCRIPT + "<img src=x onerror=alert(1)></p>",
                                null,
                                List.of(SCRIPT),
                                List.of(),
                                null)));
        actors.as(
                info,
                () -> publications.addAttachment(p.id(), SCRIPT + ".pdf", "%PDF".getBytes(StandardCharsets.UTF_8)));
        actors.as(info, () -> publications.publish(p.id()));
        Route route = actors.as(info, () -> routes.send(p.id(), RoutePurpose.NEWS, SCRIPT));
        actors.as(cityInfo, () -> routes.returnToSender(route.id(), SCRIPT + "Доработайте"));

        for (String[] page : List.of(
                new String[] {info, "/publications/" + p.id()},
                new String[] {info, "/orgs/" + fixture.primaryA1() + "/publications"},
                new String[] {cityInfo, "/orgs/" + fixture.territorialA1() + "/inbox"})) {
            String html = mvc.perform(get(page[1]).with(actors.signedIn(page[0])))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page[1]).doesNotContain(SCRIPT, "onerror").contains("&lt;script&gt;");
        }
    }

    @Test
    void downloadsAttachmentsUnderASafeNameAndNeverInline() throws Exception {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication p = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(), new PublicationDraft("Файл", "Текст", null, List.of(), List.of(), null)));
        long id = actors.as(
                        info,
                        () -> publications.addAttachment(
                                p.id(),
                                "evil\"; filename=x.html\r\nX: y.html",
                                "<html>".getBytes(StandardCharsets.UTF_8)))
                .id();

        MockHttpServletResponse response = mvc.perform(get("/attachments/" + id).with(actors.signedIn(info)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .doesNotContain("\r", "\n", "x.html\"");
        assertThat(response.getContentType()).isEqualTo("application/octet-stream");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void refusesABombUploadWithARussianMessageAndStoresNothing() throws Exception {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication p = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(), new PublicationDraft("Фото", "Текст", null, List.of(), List.of(), null)));

        String redirect = mvc.perform(multipart("/publications/" + p.id() + "/images")
                        .file(new MockMultipartFile("image", "bomb.png", "image/png", TestImages.bomb(50_000, 50_000)))
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(redirect).isEqualTo("/publications/" + p.id());
        var flash = mvc.perform(multipart("/publications/" + p.id() + "/images")
                        .file(new MockMultipartFile(
                                "image", "text.png", "image/png", "не картинка".getBytes(StandardCharsets.UTF_8)))
                        .with(actors.signedIn(info)))
                .andReturn()
                .getFlashMap();

        assertThat(flash.get("formErrors").toString()).contains("Это не изображение");
        assertThat(actors.as(info, () -> publications.get(p.id())).images()).isEmpty();
        MockHttpServletResponse ok = mvc.perform(multipart("/publications/" + p.id() + "/images")
                        .file(new MockMultipartFile("image", "photo.png", "image/png", TestImages.png(800, 600)))
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/publications/" + p.id());
        assertThat(actors.as(info, () -> publications.get(p.id())).images()).hasSize(1);
    }

    @Test
    void aDraftWithoutTitleIsShownAgainWithTheMistakeAtTheTitleAndTheRestKept() throws Exception {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);

        MockHttpServletResponse response = mvc.perform(post("/orgs/" + fixture.primaryA1() + "/publications")
                        .param("title", "")
                        .param("body", "<p>Текст</p>")
                        .param("tags", "субботник")
                        .param("videos", "https://vk.com/video-1_2")
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String editor = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(editor)
                .containsPattern("<input[^>]*is-invalid[^>]*id=\"title\"")
                .containsPattern("data-testid=\"error-title\">[^<]+</div>")
                .containsPattern("<input[^>]*id=\"tags\"[^>]*value=\"субботник\"")
                .containsPattern("<textarea[^>]*id=\"videos\"[^>]*>https://vk.com/video-1_2</textarea>");
    }

    @Test
    void showsTheEditorAndSavesADraftFromTheForm() throws Exception {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String editor = mvc.perform(get("/orgs/" + fixture.primaryA1() + "/publications/new")
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(editor).contains("editor-toolbar", "/js/editor.js");

        String location = mvc.perform(post("/orgs/" + fixture.primaryA1() + "/publications")
                        .param("title", "Субботник")
                        .param("body", "<p>Вышли <b>все</b></p>")
                        .param("tags", "субботник, экология")
                        .param("videos", "https://vk.com/video-1_2")
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Publication saved = actors.as(info, () -> publications.get(id));
        assertThat(saved.tags()).containsExactly("субботник", "экология");
        assertThat(saved.videos()).hasSize(1);
        String invalid = mvc.perform(post("/orgs/" + fixture.primaryA1() + "/publications")
                        .param("title", "")
                        .param("body", "<script>x</script>")
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(invalid).contains("Заполните это поле");
    }

    @Test
    void savesANewDraftWithItsPhotosInOneStepAndRefusesTheWholeForABadPhoto() throws Exception {
        long ppo = fixture.primary(fixture.territorialA1(), "ППО поликлиники № 9", 0);
        String info = fixture.account(ppo, Role.INFO_WORKER);
        assertThat(mvc.perform(get("/orgs/" + ppo + "/publications/new").with(actors.signedIn(info)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("multipart/form-data", "name=\"images\"");

        String location = mvc.perform(multipart("/orgs/" + ppo + "/publications")
                        .file(new MockMultipartFile("images", "one.png", "image/png", TestImages.png(800, 600)))
                        .file(new MockMultipartFile("images", "two.png", "image/png", TestImages.png(600, 400)))
                        .param("title", "Субботник с фотографиями")
                        .param("body", "<p>Вышли <b>все</b></p>")
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(actors.as(info, () -> publications.get(id)).images()).hasSize(2);

        String refused = mvc.perform(multipart("/orgs/" + ppo + "/publications")
                        .file(new MockMultipartFile("images", "good.png", "image/png", TestImages.png(800, 600)))
                        .file(new MockMultipartFile(
                                "images", "text.png", "image/png", "не картинка".getBytes(StandardCharsets.UTF_8)))
                        .param("title", "Черновик с плохим фото")
                        .param("body", "<p>Текст остаётся в форме</p>")
                        .with(actors.signedIn(info)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Это не изображение", "Черновик с плохим фото", "Текст остаётся в форме");
        assertThat(actors.as(
                                info,
                                () -> publications.feed(
                                        ppo,
                                        java.util.Set.of(),
                                        null,
                                        null,
                                        null,
                                        ru.profkom.shared.PageRequest.of(0, 10)))
                        .items())
                .as("the refused draft is not left half-made")
                .extracting(ru.profkom.publications.PublicationSummary::title)
                .containsExactly("Субботник с фотографиями");
    }
}

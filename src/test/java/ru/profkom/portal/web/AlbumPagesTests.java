package ru.profkom.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.portal.Album;
import ru.profkom.portal.AlbumForm;
import ru.profkom.portal.AlbumPhoto;
import ru.profkom.portal.PhotoChange;
import ru.profkom.portal.PhotoUpload;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.Site;
import ru.profkom.publications.TestImages;
import ru.profkom.shared.PageRequest;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class AlbumPagesTests {

    private static final String SCRIPT_TITLE = "<script>alert('album')</script> Субботник";
    private static final String IMG_CAPTION = "<img src=x onerror=alert(1)> Подпись";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    PortalSites sites;

    @Autowired
    PortalAlbums albums;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void showsPublishedAlbumsToVisitorsWithOpenGraphTagsAndMarkupNeutralized() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО больницы № 7");
        Site site = site(primary);
        Album album = actors.as(
                Fixture.ADMIN_A,
                () -> albums.create(
                        primary,
                        new AlbumForm(SCRIPT_TITLE, java.time.LocalDate.of(2026, 4, 25), "<b>Описание</b>", null)));
        AlbumPhoto photo = actors.as(
                        Fixture.ADMIN_A,
                        () -> albums.addPhotos(
                                primary,
                                album.id(),
                                List.of(upload("\"><svg onload=alert(1)>.png", 800, 600), upload("b.png", 300, 200))))
                .getFirst();
        actors.run(Fixture.ADMIN_A, () -> {
            albums.changePhoto(primary, album.id(), photo.id(), new PhotoChange(IMG_CAPTION, null, null));
            albums.publish(primary, album.id());
        });

        String list = anonymous(get("/" + site.slug() + "/albums"));
        assertThat(list)
                .contains("&lt;script&gt;alert(&#39;album&#39;)&lt;/script&gt; Субботник", "25.04.2026")
                .contains("/" + site.slug() + "/albums/" + album.id())
                .contains("property=\"og:image\"", photo.url())
                .doesNotContain("<script>alert");
        String page = anonymous(get("/" + site.slug() + "/albums/" + album.id()));
        assertThat(page)
                .contains("property=\"og:title\" content=\"&lt;script&gt;")
                .contains("href=\"" + photo.url() + "\"", "src=\"" + photo.thumbnailUrl() + "\"")
                .contains("&lt;img src=x onerror=alert(1)&gt; Подпись", "&lt;b&gt;Описание&lt;/b&gt;")
                .doesNotContain("<img src=x", "<b>Описание", "<script>alert");
        assertThat(anonymous(get("/" + site.slug()))).contains("/" + site.slug() + "/albums/" + album.id());
        assertThat(anonymous(get("/sitemap.xml"))).contains("/" + site.slug() + "/albums/" + album.id() + "</loc>");
        var image = mvc.perform(get(photo.thumbnailUrl()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(image.getContentType()).isEqualTo("image/jpeg");

        String staff = signedIn(Fixture.ADMIN_A, get("/orgs/{id}/albums/{a}", primary, album.id()));
        assertThat(staff)
                .contains("&lt;script&gt;alert(&#39;album&#39;)&lt;/script&gt;")
                .doesNotContain("<svg onload", "<script>alert", "<img src=x");
    }

    @Test
    void hidesDraftsAndAnotherOrganizationsAlbumsFromVisitors() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО больницы № 8");
        long other = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО больницы № 9");
        Site site = site(primary);
        site(other);
        Album draft = album(primary, "Черновик альбома", false);
        Album elsewhere = album(other, "Альбом соседей", true);
        AlbumPhoto draftPhoto = actors.as(
                        Fixture.ADMIN_A, () -> albums.photos(primary, draft.id(), PageRequest.of(0, 1)))
                .items()
                .getFirst();

        mvc.perform(get("/" + site.slug() + "/albums/" + draft.id())).andExpect(status().isNotFound());
        mvc.perform(get("/" + site.slug() + "/albums/" + elsewhere.id())).andExpect(status().isNotFound());
        assertThat(anonymous(get("/" + site.slug() + "/albums")))
                .contains("Фотоальбомов пока нет")
                .doesNotContain("Черновик альбома", "Альбом соседей");
        assertThat(anonymous(get("/sitemap.xml"))).doesNotContain("/albums/" + draft.id() + "<");
        mvc.perform(get(draftPhoto.url())).andExpect(status().isNotFound());
        // Staff pages stay closed to visitors and to other regions.
        mvc.perform(get("/orgs/{id}/albums", primary)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/orgs/{id}/albums", primary).with(actors.signedIn(Fixture.ADMIN_B)))
                .andExpect(status().isNotFound());
    }

    @Test
    void uploadsSeveralPhotosFromTheStaffPageAndNamesEveryRefusedFile() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО больницы № 10");
        site(primary);
        assertThat(signedIn(Fixture.ADMIN_A, get("/orgs/{id}/site", primary)))
                .contains("href=\"/orgs/" + primary + "/albums\"");
        assertThat(signedIn(Fixture.ADMIN_A, get("/orgs/{id}/publications", primary)))
                .contains("href=\"/orgs/" + primary + "/albums\"");

        String created = mvc.perform(post("/orgs/{id}/albums", primary)
                        .param("title", "День медика")
                        .param("eventDate", "21.06.2026")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long albumId = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));

        mvc.perform(multipart("/orgs/{id}/albums/{a}/photos", primary, albumId)
                        .file(new MockMultipartFile("photos", "один.png", "image/png", TestImages.png(640, 480)))
                        .file(new MockMultipartFile("photos", "два.png", "image/png", TestImages.png(480, 640)))
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection());
        assertThat(actors.as(Fixture.ADMIN_A, () -> albums.album(primary, albumId))
                        .photoCount())
                .isEqualTo(2);

        var before = database.take();
        var flash = mvc.perform(multipart("/orgs/{id}/albums/{a}/photos", primary, albumId)
                        .file(new MockMultipartFile("photos", "три.png", "image/png", TestImages.png(640, 480)))
                        .file(new MockMultipartFile(
                                "photos", "письмо.png", "image/png", "не картинка".getBytes(StandardCharsets.UTF_8)))
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("formErrors").toString())
                .contains("Файл «письмо.png» не принят: Это не изображение")
                .doesNotContain("три.png");
        database.assertUnchangedSince(before);

        String page = signedIn(Fixture.ADMIN_A, get("/orgs/{id}/albums/{a}", primary, albumId));
        assertThat(page).contains("один.png", "два.png", "День медика", "21.06.2026");
        mvc.perform(post("/orgs/{id}/albums/{a}/publish", primary, albumId).with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection());
        assertThat(actors.as(Fixture.ADMIN_A, () -> albums.album(primary, albumId))
                        .published())
                .isTrue();

        var export = mvc.perform(get("/orgs/{id}/albums.xlsx", primary).with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(export.getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(export.getContentAsByteArray()).startsWith('P', 'K');
    }

    @Test
    void showsTheAlbumFormAgainWithEveryProblem() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО больницы № 11");
        String page = mvc.perform(post("/orgs/{id}/albums", primary)
                        .param("title", "")
                        .param("eventDate", "01.01.2999")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Дата события ещё не наступила", "is-invalid");
        assertThat(page)
                .containsPattern("data-testid=\"error-title\">[^<]+</div>")
                .containsPattern("data-testid=\"error-eventDate\">Дата события ещё не наступила")
                .containsPattern("<input[^>]*id=\"album-date\"[^>]*value=\"01.01.2999\"");
        assertThat(actors.as(Fixture.ADMIN_A, () -> albums.albums(primary, PageRequest.of(0, 5)))
                        .total())
                .isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Site site(long organizationId) {
        return actors.as(Fixture.ADMIN_A, () -> sites.save(organizationId, sites.form(organizationId)));
    }

    private Album album(long organizationId, String title, boolean published) {
        return actors.as(Fixture.ADMIN_A, () -> {
            Album album = albums.create(organizationId, new AlbumForm(title, null, null, null));
            albums.addPhotos(organizationId, album.id(), List.of(upload("фото.png", 200, 150)));
            return published ? albums.publish(organizationId, album.id()) : album;
        });
    }

    private static PhotoUpload upload(String name, int width, int height) {
        byte[] png = TestImages.png(width, height);
        return new PhotoUpload(name, png.length, () -> png);
    }

    private String anonymous(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String signedIn(String login, MockHttpServletRequestBuilder request) throws Exception {
        return anonymous(request.with(actors.signedIn(login)));
    }
}

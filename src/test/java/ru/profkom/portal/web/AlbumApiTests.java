package ru.profkom.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.publications.TestImages;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class AlbumApiTests {

    @Autowired
    Actors actors;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Test
    void createsAnAlbumUploadsPhotosArrangesThemAndPublishesThroughTheApi() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО больницы № 12");
        String base = "/api/v1/organizations/" + primary + "/albums";

        String created = mvc.perform(post(base)
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Турслёт\",\"eventDate\":\"2026-06-14\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.published").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long albumId = ((Number) JsonPath.read(created, "$.id")).longValue();

        String refused = mvc.perform(multipart(base + "/" + albumId + "/photos")
                        .file(new MockMultipartFile("files", "лес.png", "image/png", TestImages.png(320, 240)))
                        .file(new MockMultipartFile(
                                "files", "<b>список.png", "image/png", "текст".getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("Файл «b_список.png» не принят: Это не изображение")
                .doesNotContain("<b>");

        String uploaded = mvc.perform(multipart(base + "/" + albumId + "/photos")
                        .file(new MockMultipartFile("files", "лес.png", "image/png", TestImages.png(320, 240)))
                        .file(new MockMultipartFile("files", "костёр.png", "image/png", TestImages.png(240, 320)))
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long second = ((Number) JsonPath.read(uploaded, "$[1].id")).longValue();

        mvc.perform(put(base + "/" + albumId + "/photos/" + second)
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caption\":\"У костра\",\"position\":1,\"cover\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value(1));
        mvc.perform(post(base + "/" + albumId + "/publish").with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.photoCount").value(2))
                .andExpect(jsonPath("$.coverPhotoId").value(second));
        mvc.perform(get(base + "/" + albumId + "/photos")
                        .param("size", "1")
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].caption").value("У костра"))
                .andExpect(jsonPath("$.items[0].fileName").value("костёр.png"));
        mvc.perform(get(base).with(httpBasic(Fixture.ADMIN_B, Fixture.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void describesTheAlbumsInTheOpenApiDocument() throws Exception {
        // The API's description is for signed-in staff (WebHardeningTests).
        String document = mvc.perform(get("/v3/api-docs").with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(document)
                .contains("/api/v1/organizations/{id}/albums/{albumId}/photos/{photoId}")
                .contains("Фотоальбомы", "Добавить фотографии в конец альбома");
    }
}

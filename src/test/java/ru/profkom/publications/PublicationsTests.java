package ru.profkom.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class PublicationsTests {

    @Autowired
    Publications publications;

    @Autowired
    PublicationSearch search;

    @Autowired
    Images images;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot snapshot;

    static PublicationDraft draft(String title, String body) {
        return new PublicationDraft(title, body, Rubric.NEWS, List.of("охрана труда"), List.of(), null);
    }

    @Test
    void publishesADraftIntoTheOrganizationsPublicFeed() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication draft = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(),
                        draft("Подписан коллективный договор", "<p>Коллектив <b>больницы</b> подписал договор.</p>")));

        assertThat(draft.status()).isEqualTo(PublicationStatus.DRAFT);
        assertThat(publications
                        .publicFeed(fixture.primaryA1(), PageRequest.of(0, 50))
                        .items())
                .extracting(PublicationSummary::id)
                .doesNotContain(draft.id());
        assertThat(publications.published(draft.id())).isEmpty();

        actors.as(info, () -> publications.publish(draft.id()));

        assertThat(publications
                        .publicFeed(fixture.primaryA1(), PageRequest.of(0, 50))
                        .items())
                .filteredOn(s -> s.id() == draft.id())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.title()).isEqualTo("Подписан коллективный договор");
                    assertThat(s.summary()).isEqualTo("Коллектив больницы подписал договор.");
                    assertThat(s.publishedAt()).isNotNull();
                });
        assertThat(publications.published(draft.id()))
                .get()
                .extracting(Publication::bodyHtml)
                .isEqualTo("<p>Коллектив <b>больницы</b> подписал договор.</p>");

        actors.as(info, () -> publications.unpublish(draft.id()));
        assertThat(publications.published(draft.id())).isEmpty();
    }

    @Test
    void hidesDraftsOutsideTheEditorsSubtreesAndRefusesChangesToPublishedOnes() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication draft = actors.as(info, () -> publications.create(fixture.primaryA1(), draft("Черновик", "Текст")));

        assertRefused(
                Kind.NOT_FOUND,
                Publications.NOT_FOUND,
                () -> actors.as(Fixture.ADMIN_B, () -> publications.get(draft.id())));
        assertRefused(
                Kind.NOT_FOUND,
                Publications.NOT_FOUND,
                () -> actors.as(Fixture.MEMBER_A1, () -> publications.get(draft.id())));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> publications.create(fixture.primaryA1(), draft("X", "Y"))));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.MEMBER_A1, () -> publications.create(fixture.primaryA1(), draft("X", "Y"))));

        actors.as(info, () -> publications.publish(draft.id()));
        assertThat(actors.as(Fixture.ADMIN_B, () -> publications.get(draft.id()))
                        .title())
                .isEqualTo("Черновик");
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.ADMIN_B, () -> publications.unpublish(draft.id())));
    }

    @Test
    void neutralizesScriptsInTitlesBodiesAndLinks() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication p = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(),
                        draft(
                                "<script>alert(1)</script>Заголовок",
                                "<p onclick=\"alert(1)\">Текст<script>alert(2)</script><img src=x onerror=alert(3)>"
                                        + "<a href=\"javascript:alert(4)\">ссылка</a> <a href=\"https://example.ru\">сайт</a>"
                                        + "<iframe src=\"https://evil\"></iframe><style>body{}</style></p>")));

        assertThat(p.bodyHtml())
                .doesNotContain("script", "onclick", "onerror", "<img", "javascript:", "iframe", "style")
                .contains("<a href=\"https://example.ru\"", "rel=\"nofollow noopener noreferrer\"", "ссылка");
        // The title is plain text, stored as typed and escaped wherever it is shown (see the page tests).
        assertThat(p.title()).isEqualTo("<script>alert(1)</script>Заголовок");
    }

    @Test
    void refusesVideosOtherThanHttpsLinksToKnownHosts() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        assertRefused(
                Kind.INVALID,
                "videos",
                "publication.videoNotAllowed",
                () -> actors.as(
                        info,
                        () -> publications.create(
                                fixture.primaryA1(),
                                new PublicationDraft(
                                        "Видео",
                                        "Текст",
                                        null,
                                        List.of(),
                                        List.of("http://youtube.com/watch?v=1"),
                                        null))));
        assertRefused(
                Kind.INVALID,
                "videos",
                "publication.videoNotAllowed",
                () -> actors.as(
                        info,
                        () -> publications.create(
                                fixture.primaryA1(),
                                new PublicationDraft(
                                        "Видео",
                                        "Текст",
                                        null,
                                        List.of(),
                                        List.of("javascript:alert(1)//youtube.com"),
                                        null))));
        Publication ok = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(),
                        new PublicationDraft(
                                "Видео", "Текст", null, List.of(), List.of("https://rutube.ru/video/abc/"), null)));
        assertThat(ok.videos()).extracting(VideoLink::host).containsExactly("rutube.ru");
    }

    @Test
    void storesResizedImagesWithThumbnailsAndRefusesBombsAndNonImages() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication p = actors.as(info, () -> publications.create(fixture.primaryA1(), draft("Фото", "Текст")));

        ImageRef image = actors.as(info, () -> publications.addImage(p.id(), "фото.png", TestImages.png(2400, 1200)));
        assertThat(image.width()).isEqualTo(1600);
        assertThat(image.height()).isEqualTo(800);
        assertThat(actors.as(info, () -> images.serve(image.id(), true)))
                .get()
                .satisfies(data -> assertThat(data.contentType()).isEqualTo("image/jpeg"));
        // A draft's photo is not public yet.
        assertThat(actors.as(Fixture.ADMIN_B, () -> images.serve(image.id(), false)))
                .isEmpty();
        actors.as(info, () -> publications.publish(p.id()));
        assertThat(actors.as(Fixture.ADMIN_B, () -> images.serve(image.id(), false)))
                .isPresent();

        DatabaseSnapshot.Content before = snapshot.take();
        assertRefused(
                Kind.INVALID,
                "image",
                "image.tooManyPixels",
                () -> actors.as(
                        info, () -> publications.addImage(p.id(), "bomb.png", TestImages.bomb(50_000, 50_000))));
        assertRefused(
                Kind.INVALID,
                "image",
                "image.notAnImage",
                () -> actors.as(
                        info,
                        () -> publications.addImage(
                                p.id(), "x.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
        assertRefused(
                Kind.INVALID,
                "image",
                "image.tooLarge",
                () -> actors.as(
                        info, () -> publications.addImage(p.id(), "big.png", new byte[ImageProcessor.MAX_BYTES + 1])));
        snapshot.assertUnchangedSince(before);
    }

    @Test
    void sanitizesAttachmentNamesAndLimitsTheirSize() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        Publication p = actors.as(info, () -> publications.create(fixture.primaryA1(), draft("Файл", "Текст")));

        AttachmentRef file = actors.as(
                info,
                () -> publications.addAttachment(
                        p.id(),
                        "../../etc/<script>alert(1)</script>\"Положение\".pdf",
                        "%PDF".getBytes(StandardCharsets.UTF_8)));

        assertThat(file.fileName()).doesNotContain("/", "<", ">", "\"").endsWith(".pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertRefused(
                Kind.INVALID,
                "file",
                "attachment.tooLarge",
                () -> actors.as(
                        info,
                        () -> publications.addAttachment(p.id(), "big.zip", new byte[Attachments.MAX_BYTES + 1])));
        assertRefused(
                Kind.NOT_FOUND,
                "attachment.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> publications.attachment(file.id())));
    }

    @Test
    void findsPublicationsByRussianWordFormsOnlyWhereTheUserMaySeeThem() {
        String info = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String word = "водолаз"
                + Fixture.unique("")
                        .replaceAll("\\D", "")
                        .chars()
                        .mapToObj(c -> String.valueOf((char) ('а' + c - '0')))
                        .reduce("", String::concat);
        Publication published = actors.as(
                info,
                () -> publications.create(
                        fixture.primaryA1(),
                        draft("Собрание профсоюзной организации " + word, "Обсудили работу профсоюза.")));
        actors.as(info, () -> publications.publish(published.id()));
        Publication hidden = actors.as(
                info, () -> publications.create(fixture.primaryA1(), draft("Черновик профсоюзной " + word, "Текст.")));

        assertThat(actors.as(Fixture.ADMIN_B, () -> search.search(word + " профсоюза", PageRequest.of(0, 20)))
                        .items())
                .extracting(PublicationSummary::id)
                .containsExactly(published.id());
        assertThat(actors.as(info, () -> search.search(word, PageRequest.of(0, 20)))
                        .items())
                .extracting(PublicationSummary::id)
                .containsExactlyInAnyOrder(published.id(), hidden.id());
        assertThat(actors.as(
                                Fixture.ADMIN_B,
                                () -> search.search(word.substring(0, word.length() - 1), PageRequest.of(0, 20)))
                        .items())
                .extracting(PublicationSummary::id)
                .as("a prefix of the word finds it")
                .containsExactly(published.id());
    }
}

package ru.profkom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.profkom.support.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.publications.Images;
import ru.profkom.publications.TestImages;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class PortalAlbumsTests {

    @Autowired
    PortalAlbums albums;

    @Autowired
    PortalSites sites;

    @Autowired
    Images images;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MessageSource messages;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Test
    void keepsPhotosInOrderWithCaptionsAndACoverAndOpensThemToVisitorsWhenPublished() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО поликлиники № 2");
        Album album = actors.as(
                Fixture.INFO_WORKER_A1,
                () -> albums.create(
                        primary, new AlbumForm("  Первомай-2026  ", LocalDate.of(2026, 5, 1), "Шествие", null)));
        assertThat(album.title()).isEqualTo("Первомай-2026");
        assertThat(album.published()).isFalse();
        assertThat(album.coverUrl()).isNull();

        List<AlbumPhoto> added = actors.as(
                Fixture.INFO_WORKER_A1,
                () -> albums.addPhotos(
                        primary,
                        album.id(),
                        List.of(
                                upload("колонна.png", 1200, 800),
                                upload("C:\\фото\\флаги.png", 300, 200),
                                upload("трибуна.png", 640, 480))));

        assertThat(added).extracting(AlbumPhoto::position).containsExactly(1, 2, 3);
        assertThat(added).extracting(AlbumPhoto::fileName).containsExactly("колонна.png", "флаги.png", "трибуна.png");
        assertThat(added.getFirst().width()).isEqualTo(1200);
        Album withPhotos = actors.as(Fixture.INFO_WORKER_A1, () -> albums.album(primary, album.id()));
        assertThat(withPhotos.photoCount()).isEqualTo(3);
        assertThat(withPhotos.coverThumbnailUrl())
                .as("the first photo is the cover until one is chosen")
                .isEqualTo(added.getFirst().thumbnailUrl());
        assertThat(visible(added.getFirst()))
                .as("a draft's photos are the staff's")
                .isFalse();

        AlbumPhoto last = added.get(2);
        actors.run(
                Fixture.INFO_WORKER_A1,
                () -> albums.changePhoto(primary, album.id(), last.id(), new PhotoChange(" Трибуна ", 1, true)));
        List<AlbumPhoto> reordered = photos(primary, album.id());
        assertThat(reordered)
                .extracting(AlbumPhoto::fileName)
                .containsExactly("трибуна.png", "колонна.png", "флаги.png");
        assertThat(reordered).extracting(AlbumPhoto::position).containsExactly(1, 2, 3);
        assertThat(reordered.getFirst().caption()).isEqualTo("Трибуна");
        assertThat(actors.as(Fixture.INFO_WORKER_A1, () -> albums.album(primary, album.id()))
                        .coverPhotoId())
                .isEqualTo(last.id());

        Album published = actors.as(Fixture.INFO_WORKER_A1, () -> albums.publish(primary, album.id()));
        assertThat(published.published()).isTrue();
        assertThat(published.publishedAt()).isNotNull();
        assertThat(reordered).allSatisfy(photo -> assertThat(visible(photo)).isTrue());
        Site site = actors.as(Fixture.INFO_WORKER_A1, () -> sites.save(primary, sites.form(primary)));
        PublicSite page = sites.publicSite(site.slug()).orElseThrow();
        assertThat(albums.publicAlbums(page, PageRequest.of(0, 12)).items())
                .extracting(Album::id)
                .containsExactly(album.id());
        // A photo added to a published album is public at once.
        AlbumPhoto later = actors.as(
                        Fixture.INFO_WORKER_A1,
                        () -> albums.addPhotos(primary, album.id(), List.of(upload("позже.png", 200, 100))))
                .getFirst();
        assertThat(later.position()).isEqualTo(4);
        assertThat(visible(later)).isTrue();

        actors.run(Fixture.INFO_WORKER_A1, () -> albums.unpublish(primary, album.id()));
        assertThat(albums.publicAlbums(page, PageRequest.of(0, 12)).items()).isEmpty();
        assertThat(albums.publicAlbum(page, album.id())).isEmpty();
        assertThat(visible(later)).isFalse();
    }

    @Test
    void refusesTheWholeUploadNamingEachRefusedFileAndStoresNothing() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО роддома № 4");
        Album album =
                actors.as(Fixture.ADMIN_A, () -> albums.create(primary, new AlbumForm("Субботник", null, null, null)));
        byte[] text = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] bomb = TestImages.bomb(50_000, 50_000);
        var before = database.take();

        ProfkomException refusal = assertRefused(
                Kind.INVALID,
                "photos",
                "album.photo.refused",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> albums.addPhotos(
                                primary,
                                album.id(),
                                List.of(
                                        upload("хороший.png", 400, 300),
                                        new PhotoUpload("заметки.png", text.length, () -> text),
                                        new PhotoUpload("бомба.png", bomb.length, () -> bomb),
                                        new PhotoUpload("огромный.jpg", Images.MAX_UPLOAD_BYTES + 1L, () -> {
                                            throw new AssertionError("an oversized file is refused unread");
                                        })))));

        List<String> texts = refusal.problems().stream()
                .map(problem ->
                        messages.getMessage(problem.messageKey(), problem.arguments(), Locale.forLanguageTag("ru")))
                .toList();
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0))
                .isEqualTo("Файл «заметки.png» не принят: Это не изображение: загрузите фотографию в формате JPEG,"
                        + " PNG или GIF.");
        assertThat(texts.get(1)).startsWith("Файл «бомба.png» не принят: Изображение слишком большое");
        assertThat(texts.get(2))
                .isEqualTo("Файл «огромный.jpg» не принят: Файл слишком большой: фотография не больше 15 МБ.");
        database.assertUnchangedSince(before);
        assertThat(actors.as(Fixture.ADMIN_A, () -> albums.album(primary, album.id()))
                        .photoCount())
                .isZero();

        assertRefused(
                Kind.INVALID,
                "photos",
                "album.photos.none",
                () -> actors.run(Fixture.ADMIN_A, () -> albums.addPhotos(primary, album.id(), List.of())));
        List<PhotoUpload> tooMany = java.util.stream.IntStream.rangeClosed(0, PortalAlbums.MAX_FILES)
                .mapToObj(i -> upload("ф" + i + ".png", 10, 10))
                .toList();
        assertRefused(
                Kind.INVALID,
                "photos",
                "album.photos.tooMany",
                () -> actors.run(Fixture.ADMIN_A, () -> albums.addPhotos(primary, album.id(), tooMany)));
    }

    @Test
    void refusesEmptyAlbumsToVisitorsAndBadTitlesAndDates() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО аптеки № 9");
        Album album =
                actors.as(Fixture.ADMIN_A, () -> albums.create(primary, new AlbumForm("Пустой", null, null, null)));

        assertRefused(
                Kind.INVALID,
                "album.publish.empty",
                () -> actors.run(Fixture.ADMIN_A, () -> albums.publish(primary, album.id())));
        assertRefused(
                Kind.INVALID,
                "title",
                "validation.required",
                () -> actors.run(Fixture.ADMIN_A, () -> albums.create(primary, new AlbumForm("  ", null, null, null))));
        assertRefused(
                Kind.INVALID,
                "title",
                "validation.tooLong",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> albums.create(primary, new AlbumForm("а".repeat(301), null, null, null))));
        ProfkomException both = assertRefused(
                Kind.INVALID,
                "eventDate",
                "album.eventDate.future",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> albums.update(
                                primary,
                                album.id(),
                                new AlbumForm("", LocalDate.now().plusDays(2), null, album.version()))));
        assertThat(both.problems()).as("every problem at once").hasSize(2);
        assertRefused(
                Kind.CONFLICT,
                "album.changedMeanwhile",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> albums.update(
                                primary, album.id(), new AlbumForm("Новое", null, null, album.version() + 1))));
    }

    @Test
    void letsOnlyThoseWhoEditTheOrganizationKeepItsAlbums() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО хосписа № 1");
        long other = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО хосписа № 2");
        Album album = actors.as(
                Fixture.INFO_WORKER_A1, () -> albums.create(primary, new AlbumForm("Конкурс", null, null, null)));

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.run(Fixture.ADMIN_B, () -> albums.album(primary, album.id())));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.run(Fixture.ADMIN_B, () -> albums.addPhotos(primary, album.id(), List.of())));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.run(Fixture.MEMBER_A1, () -> albums.albums(fixture.primaryA1(), PageRequest.of(0, 10))));
        // Another organization's album is not found through this one, even for its own editors.
        assertRefused(
                Kind.NOT_FOUND,
                PortalAlbums.NOT_FOUND,
                () -> actors.run(Fixture.INFO_WORKER_A1, () -> albums.album(other, album.id())));
        assertRefused(
                Kind.NOT_FOUND,
                PortalAlbums.NOT_FOUND,
                () -> actors.run(Fixture.INFO_WORKER_A1, () -> albums.delete(other, album.id())));
        assertThat(actors.as(Fixture.CHAIR_A, () -> albums.albums(primary, PageRequest.of(0, 10)))
                        .items())
                .extracting(Album::title)
                .containsExactly("Конкурс");
    }

    @Test
    void deletesPhotosAndAlbumsWithTheirStoredImagesAndAuditsTheChanges() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО прачечной № 3");
        Album album = actors.as(
                Fixture.ADMIN_A, () -> albums.create(primary, new AlbumForm("Спартакиада", null, null, null)));
        List<AlbumPhoto> added = actors.as(
                Fixture.ADMIN_A,
                () -> albums.addPhotos(
                        primary, album.id(), List.of(upload("старт.png", 100, 80), upload("финиш.png", 100, 80))));
        AlbumPhoto first = added.getFirst();
        AlbumPhoto second = added.get(1);
        actors.run(
                Fixture.ADMIN_A,
                () -> albums.changePhoto(primary, album.id(), first.id(), new PhotoChange(null, null, true)));

        actors.run(Fixture.ADMIN_A, () -> albums.removePhoto(primary, album.id(), first.id()));

        assertThat(CurrentActor.asSystem(() -> images.find(first.imageId()))).isEmpty();
        Album after = actors.as(Fixture.ADMIN_A, () -> albums.album(primary, album.id()));
        assertThat(after.coverPhotoId()).isNull();
        assertThat(after.coverUrl()).as("the remaining photo is the cover").isEqualTo(second.url());
        assertThat(after.photoCount()).isEqualTo(1);
        assertThat(photos(primary, album.id()))
                .singleElement()
                .satisfies(photo -> assertThat(photo.position()).isEqualTo(1));

        actors.run(Fixture.ADMIN_A, () -> albums.delete(primary, album.id()));
        assertThat(CurrentActor.asSystem(() -> images.find(second.imageId()))).isEmpty();
        assertRefused(
                Kind.NOT_FOUND,
                PortalAlbums.NOT_FOUND,
                () -> actors.run(Fixture.ADMIN_A, () -> albums.album(primary, album.id())));

        await().atMost(Patience.AFTER_COMMIT)
                .untilAsserted(() -> assertThat(actors.as(
                                        Fixture.ADMIN_A,
                                        () -> auditLog.forSubtree(primary, AuditFilter.none(), PageRequest.of(0, 50)))
                                .items())
                        .extracting(AuditEntry::action)
                        .filteredOn(action -> action.startsWith("ALBUM_"))
                        .containsExactlyInAnyOrder(
                                "ALBUM_CREATED",
                                "ALBUM_PHOTOS_ADDED",
                                "ALBUM_PHOTO_CHANGED",
                                "ALBUM_PHOTO_REMOVED",
                                "ALBUM_DELETED"));
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> auditLog.forSubtree(
                                        primary,
                                        new AuditFilter("ALBUM_PHOTO_REMOVED", null, null, null),
                                        PageRequest.of(0, 5)))
                        .items())
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains("Спартакиада", "старт.png"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static PhotoUpload upload(String name, int width, int height) {
        byte[] png = TestImages.png(width, height);
        return new PhotoUpload(name, png.length, () -> png);
    }

    private List<AlbumPhoto> photos(long organizationId, long albumId) {
        return actors.as(
                Fixture.ADMIN_A,
                () -> albums.photos(organizationId, albumId, PageRequest.of(0, 50))
                        .items());
    }

    /** Whether a visitor (no role anywhere) is served the photo. */
    private boolean visible(AlbumPhoto photo) {
        return actors.as(Fixture.MEMBER_B1, () -> images.serve(photo.imageId(), true))
                .isPresent();
    }
}

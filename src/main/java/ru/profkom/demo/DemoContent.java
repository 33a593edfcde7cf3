package ru.profkom.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.portal.Album;
import ru.profkom.portal.AlbumForm;
import ru.profkom.portal.PhotoUpload;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.SiteForm;
import ru.profkom.publications.InfoPackageDraft;
import ru.profkom.publications.InfoPackages;
import ru.profkom.publications.Publication;
import ru.profkom.publications.PublicationDraft;
import ru.profkom.publications.Publications;
import ru.profkom.publications.Route;
import ru.profkom.publications.RoutePurpose;
import ru.profkom.publications.Rubric;
import ru.profkom.publications.UpwardRoutes;

/**
 * A little of everything in the demo union, through the modules' facades, so that no screen a newcomer opens is
 * empty: the demo primary organization's public page with news and a photo album, a package the region sent
 * down, news the primary organization sent up that the town returned with a comment, and a visitor's join
 * application waiting in the registry.
 */
@Component
class DemoContent {

    static final String SITE_SLUG = "ppo-demo";
    static final String PUBLISHED_NEWS = "Профком добился индексации зарплаты на 7 %";
    static final String RETURNED_NEWS = "Субботник во дворе больницы";
    static final String PACKAGE = "Материалы к отчётно-выборной кампании";
    static final String ALBUM = "Спартакиада медицинских работников";
    static final String APPLICANT_SURNAME = "Голубева";

    private final PortalSites sites;
    private final PortalAlbums albums;
    private final Publications publications;
    private final UpwardRoutes routes;
    private final InfoPackages packages;

    DemoContent(
            PortalSites sites,
            PortalAlbums albums,
            Publications publications,
            UpwardRoutes routes,
            InfoPackages packages) {
        this.sites = sites;
        this.albums = albums;
        this.publications = publications;
        this.routes = routes;
        this.packages = packages;
    }

    /** Runs as the system, inside the demo's load. */
    void seed(long regionalId, long primaryId, LocalDate today) {
        sites.save(
                primaryId,
                new SiteForm(
                        SITE_SLUG,
                        "<p>Первичная профсоюзная организация объединяет работников больницы: защищаем права,"
                                + " заключаем коллективный договор, помогаем в трудных ситуациях.</p>",
                        "<p>Профком: корпус 2, кабинет 105. Приём по вторникам и четвергам с 14:00 до 17:00.</p>",
                        null));
        Publication published = publications.create(
                primaryId,
                new PublicationDraft(
                        PUBLISHED_NEWS,
                        "<p>По итогам переговоров с администрацией заработная плата работников больницы с 1 января"
                                + " будет проиндексирована на 7 %. Соответствующее дополнение внесено в коллективный"
                                + " договор.</p>",
                        Rubric.WAGES,
                        List.of("зарплата", "колдоговор"),
                        List.of(),
                        null));
        publications.addImage(
                published.id(), "peregovory.png", picture(new Color(30, 90, 160), new Color(120, 180, 230)));
        publications.publish(published.id());
        Publication announcement = publications.create(
                primaryId,
                new PublicationDraft(
                        "Приглашаем на профсоюзное собрание",
                        "<p>Собрание состоится в актовом зале в последнюю пятницу месяца в 15:00. В повестке:"
                                + " выполнение коллективного договора и летний отдых детей.</p>",
                        Rubric.EVENTS,
                        List.of("собрание"),
                        List.of(),
                        null));
        publications.publish(announcement.id());

        Album album = albums.create(
                primaryId,
                new AlbumForm(
                        ALBUM,
                        today.minusDays(20),
                        "Команда больницы заняла второе место в городской спартакиаде.",
                        null));
        byte[] first = picture(new Color(20, 120, 60), new Color(160, 220, 120));
        byte[] second = picture(new Color(200, 90, 20), new Color(250, 210, 120));
        albums.addPhotos(
                primaryId,
                album.id(),
                List.of(
                        new PhotoUpload("start.png", first.length, () -> first),
                        new PhotoUpload("nagrazhdenie.png", second.length, () -> second)));
        albums.publish(primaryId, album.id());

        packages.send(
                regionalId,
                new InfoPackageDraft(
                        PACKAGE,
                        "<p>Коллеги! Направляем материалы к отчётно-выборной кампании: образцы протоколов и"
                                + " плакаты для стендов. Отметьте, пожалуйста, получение.</p>",
                        Set.of(OrganizationKind.PRIMARY),
                        7));

        Publication draft = publications.create(
                primaryId,
                new PublicationDraft(
                        RETURNED_NEWS,
                        "<p>В субботу работники больницы вышли на субботник.</p>",
                        Rubric.NEWS,
                        List.of(),
                        List.of(),
                        null));
        Route sent = routes.send(draft.id(), RoutePurpose.NEWS, "Просим разместить на сайте городской организации");
        routes.returnToSender(
                sent.id(), "Добавьте, пожалуйста, фотографии и сколько человек участвовало — тогда опубликуем.");

        sites.publicSite(SITE_SLUG)
                .ifPresent(site -> sites.applyToJoin(
                        site,
                        new PersonData(
                                APPLICANT_SURNAME,
                                "Алина",
                                "Сергеевна",
                                LocalDate.of(1998, 4, 17),
                                Gender.F,
                                null,
                                "+79161234567",
                                "alina.golubeva@demo.profkom.local",
                                "медицинская сестра",
                                "хирургическое отделение"),
                        true));
    }

    /** A small picture of two colours, so that the album and the news have photos without shipping files. */
    static byte[] picture(Color from, Color to) {
        BufferedImage image = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, 640, 420, to));
        g.fillRect(0, 0, 640, 420);
        g.setColor(Color.WHITE);
        g.fillOval(250, 140, 140, 140);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

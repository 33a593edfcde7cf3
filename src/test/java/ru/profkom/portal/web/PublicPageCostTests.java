package ru.profkom.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.portal.Album;
import ru.profkom.portal.AlbumForm;
import ru.profkom.portal.PhotoUpload;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.Site;
import ru.profkom.portal.SiteForm;
import ru.profkom.publications.PublicationDraft;
import ru.profkom.publications.Publications;
import ru.profkom.publications.TestImages;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.StatementCounter;
import ru.profkom.support.TestClock;

/**
 * What one anonymous view of each public page kind costs the server, counted rather than timed: the SQL
 * statements of its first rendering (bounded, whatever the number of news, albums, photos, leaders and
 * documents: an N+1 guard), none once its data is in memory, no session and no rewriting of links.
 */
@ProfkomIntegrationTest
class PublicPageCostTests {

    /** The most statements the first view of a page kind may issue, with several of everything on the page. */
    private static final Map<String, Integer> FIRST_VIEW_LIMIT = new LinkedHashMap<>();

    static {
        FIRST_VIEW_LIMIT.put("home", 9);
        FIRST_VIEW_LIMIT.put("news", 2);
        FIRST_VIEW_LIMIT.put("article", 3);
        FIRST_VIEW_LIMIT.put("albums", 2);
        FIRST_VIEW_LIMIT.put("album", 3);
        FIRST_VIEW_LIMIT.put("document", 2);
        FIRST_VIEW_LIMIT.put("atom", 0);
        FIRST_VIEW_LIMIT.put("rss", 0);
        FIRST_VIEW_LIMIT.put("sitemap", 2);
        FIRST_VIEW_LIMIT.put("join", 0);
        FIRST_VIEW_LIMIT.put("feedback", 0);
    }

    /** The most statements a page kind may issue once the data kept in memory is there. */
    private static final Map<String, Integer> NEXT_VIEW_LIMIT = new LinkedHashMap<>();

    static {
        NEXT_VIEW_LIMIT.put("home", 0);
        NEXT_VIEW_LIMIT.put("news", 0);
        NEXT_VIEW_LIMIT.put("article", 0);
        NEXT_VIEW_LIMIT.put("albums", 0);
        NEXT_VIEW_LIMIT.put("album", 0);
        NEXT_VIEW_LIMIT.put("document", 2);
        NEXT_VIEW_LIMIT.put("atom", 0);
        NEXT_VIEW_LIMIT.put("rss", 0);
        NEXT_VIEW_LIMIT.put("sitemap", 2);
        NEXT_VIEW_LIMIT.put("join", 0);
        NEXT_VIEW_LIMIT.put("feedback", 0);
    }

    private static final Pattern ISSUED = Pattern.compile("name=\"issued\" value=\"([^\"]+)\"");

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
    Publications publications;

    @Autowired
    Members members;

    @Autowired
    TestClock clock;

    @Test
    void eachPublicPageKindIssuesABoundedNumberOfStatementsAndNoneFromMemory() throws Exception {
        World world = world("ППО типографии");
        Map<String, String> addresses = addresses(world);

        Map<String, List<String>> first = new LinkedHashMap<>();
        Map<String, List<String>> again = new LinkedHashMap<>();
        for (var page : addresses.entrySet()) {
            first.put(page.getKey(), StatementCounter.record(() -> view(page.getValue())));
            again.put(page.getKey(), StatementCounter.record(() -> view(page.getValue())));
        }

        Map<String, Integer> firstCounts = new LinkedHashMap<>();
        Map<String, Integer> againCounts = new LinkedHashMap<>();
        first.forEach((kind, statements) -> firstCounts.put(kind, statements.size()));
        again.forEach((kind, statements) -> againCounts.put(kind, statements.size()));
        String counts = "statements of the first views " + firstCounts + " and of the next ones " + againCounts;
        firstCounts.forEach((kind, count) -> assertThat(count)
                .as("%s: %s; %s", kind, first.get(kind), counts)
                .isLessThanOrEqualTo(FIRST_VIEW_LIMIT.get(kind)));
        againCounts.forEach((kind, count) -> assertThat(count)
                .as("%s: %s; %s", kind, again.get(kind), counts)
                .isLessThanOrEqualTo(NEXT_VIEW_LIMIT.get(kind)));
    }

    @Test
    void theFirstViewCostsTheSameWithTwiceAsManyNewsAlbumsPhotosAndDocuments() throws Exception {
        // What every site shares (the union's settings and the like, kept in memory) is loaded by a third site's
        // views first: otherwise the first of the two views measured pays for it, whichever test ran before.
        Map<String, String> warmAddresses = addresses(world("ППО мясокомбината", 1));
        int number = 0;
        for (String kind : warmAddresses.keySet()) {
            // Two sites made for this kind alone: nothing of theirs is kept yet, nor half-expired (a slow machine
            // takes longer than the kept entries' time to go through every kind).
            Map<String, String> smallAddresses = addresses(world("ППО прачечного комбината № " + ++number, 1));
            Map<String, String> largeAddresses = addresses(world("ППО хлебозавода № " + number, 2));
            view(warmAddresses.get(kind));
            List<String> fewer = StatementCounter.record(() -> view(smallAddresses.get(kind)));
            List<String> more = StatementCounter.record(() -> view(largeAddresses.get(kind)));
            // Not more with twice the rows (no statement per row); it may be one fewer when the first view
            // happened to pay for something every page shares whose time had just run out.
            assertThat(more.size())
                    .as("statements of %s with twice the rows: %s; with the rows once: %s", kind, more, fewer)
                    .isLessThanOrEqualTo(fewer.size());
        }
    }

    @Test
    void keepsTheRenderedPagesAVisitorReadsAndDropsThemWhenWhatTheyShowChanges() throws Exception {
        World world = world("ППО трамвайного парка", 1);
        Map<String, String> addresses = addresses(world);
        for (String kind :
                List.of("home", "news", "article", "albums", "album", "document", "atom", "rss", "sitemap")) {
            assertThat(cache(addresses.get(kind))).as(kind).isEqualTo("MISS");
            assertThat(cache(addresses.get(kind))).as(kind).isEqualTo("HIT");
        }
        assertThat(cache(addresses.get("join")))
                .as("a form carries a one-time token: never kept")
                .isNull();
        assertThat(cache(addresses.get("home") + "?uncached=1")).isNull();

        actors.as(Fixture.ADMIN_A, () -> {
            var album = albums.album(world.organizationId(), world.album());
            return albums.update(
                    world.organizationId(),
                    world.album(),
                    new ru.profkom.portal.AlbumForm("Субботник, фото", null, null, album.version()));
        });

        assertThat(cache(addresses.get("album"))).isEqualTo("MISS");
        assertThat(view(addresses.get("album"))).contains("Субботник, фото");
        assertThat(cache(addresses.get("home"))).as("every kept page went").isEqualTo("MISS");
    }

    private String cache(String address) throws Exception {
        return mvc.perform(get(address))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("X-Cache");
    }

    @Test
    void anonymousVisitorsGetNoSessionAndTheLinksOfPagesAreNotLookedUpAsFiles() throws Exception {
        World world = world("ППО трамвайного депо");

        for (var page : addresses(world).entrySet()) {
            MvcResult result = mvc.perform(get(page.getValue())).andReturn();
            assertThat(result.getResponse().getStatus()).as(page.getKey()).isEqualTo(200);
            assertThat(result.getRequest().getSession(false))
                    .as("a session opened by %s", page.getKey())
                    .isNull();
            assertThat(result.getResponse().getHeaders("Set-Cookie"))
                    .as(page.getKey())
                    .isEmpty();
        }
        String home = view("/" + world.site().slug());
        // Boot's resource chain used to pass every link through the static resolvers (a classpath lookup each).
        assertThat(home)
                .contains("href=\"/webjars/tabler__core/dist/css/tabler.min.css\"")
                .contains("href=\"/" + world.site().slug() + "/news\"");
        mvc.perform(get("/webjars/tabler__core/dist/css/tabler.min.css")).andExpect(status().isOk());
    }

    @Test
    void thePublicFormsCarryNoSessionBoundTokenAndAreAcceptedWithoutOne() throws Exception {
        World world = world("ППО таксопарка");
        String slug = world.site().slug();
        String form = view("/" + slug + "/feedback");
        assertThat(form).doesNotContain("_csrf");
        Matcher issued = ISSUED.matcher(form);
        assertThat(issued.find()).isTrue();
        String token = issued.group(1);

        MvcResult sent = clock.shiftedBy(Duration.ofSeconds(10), () -> {
            try {
                return mvc.perform(post("/" + slug + "/feedback")
                                .param("issued", token)
                                .param("authorName", "Гость")
                                .param("message", "Когда собрание?")
                                .with(request -> {
                                    request.setRemoteAddr("198.51.100.201");
                                    return request;
                                }))
                        .andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> sites.feedback(world.organizationId(), ru.profkom.shared.PageRequest.of(0, 5)))
                        .items())
                .hasSize(1);
        // Staff pages keep their CSRF protection.
        mvc.perform(post("/orgs/{id}/site", world.organizationId())
                        .with(SecurityMockMvcRequestPostProcessors.user(Fixture.ADMIN_A)))
                .andExpect(status().isForbidden());
    }

    @Test
    void offersTheNewsAsRssBesideAtomAndNamesBothInThePageHead() throws Exception {
        World world = world("ППО метрополитена", 1);
        String slug = world.site().slug();

        String rss = view("/" + slug + "/rss.xml");

        assertThat(rss)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"")
                .contains("<channel>", "<language>ru</language>", "<title>Новость 5</title>", "<pubDate>")
                .contains("/" + slug + "/news/" + world.article() + "</guid>");
        assertThat(view("/" + slug))
                .contains("type=\"application/rss+xml\" href=\"/" + slug + "/rss.xml\"")
                .contains("type=\"application/atom+xml\" href=\"/" + slug + "/feed.xml\"");
    }

    // ---- the page ------------------------------------------------------------------------------

    private record World(long organizationId, Site site, long article, long album, long document) {}

    private World world(String name) {
        return world(name, 2);
    }

    /** A primary organization's page with {@code times} × (6 news, 3 albums of 3 photos, 2 documents, a leader). */
    private World world(String name, int times) {
        long organizationId = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, name);
        return actors.as(Fixture.ADMIN_A, () -> {
            SiteForm proposed = sites.form(organizationId);
            Site site =
                    sites.save(organizationId, new SiteForm(proposed.slug(), "О нас", "Контакты", proposed.version()));
            long article = 0;
            for (int i = 0; i < 6 * times; i++) {
                article = publications
                        .publish(publications
                                .create(
                                        organizationId,
                                        new PublicationDraft(
                                                "Новость " + i,
                                                "<p>Текст новости " + i + "</p>",
                                                null,
                                                List.of("колдоговор"),
                                                List.of(),
                                                null))
                                .id())
                        .id();
            }
            byte[] png = TestImages.png(40, 30);
            long album = 0;
            for (int i = 0; i < 3 * times; i++) {
                Album created = albums.create(
                        organizationId, new AlbumForm("Альбом " + i, LocalDate.of(2026, 1, 1 + i), "Описание", null));
                List<PhotoUpload> photos = new ArrayList<>();
                for (int p = 0; p < 3 * times; p++) {
                    photos.add(new PhotoUpload("photo" + p + ".png", png.length, () -> png));
                }
                albums.addPhotos(organizationId, created.id(), photos);
                album = albums.publish(organizationId, created.id()).id();
            }
            long document = 0;
            for (int i = 0; i < 2 * times; i++) {
                document = sites.addDocument(
                                organizationId,
                                "Документ " + i,
                                "d" + i + ".pdf",
                                "%PDF-1.4\nтело".getBytes(StandardCharsets.UTF_8))
                        .id();
            }
            for (int i = 0; i < times; i++) {
                Member leader = members.register(
                        organizationId,
                        new PersonData(
                                Fixture.unique("Руководова"),
                                "Анна",
                                "Петровна",
                                LocalDate.of(1980, 1, 1 + i),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new MembershipData(MembershipStatus.ACTIVE, null, null, null));
                members.assignRole(
                        leader.id(), organizationId, i == 0 ? UnionRole.CHAIR : UnionRole.DEPUTY_CHAIR, null);
                members.giveConsent(leader.id(), ConsentPurpose.PUBLICATION, null, ConsentForm.PAPER, null);
            }
            return new World(organizationId, site, article, album, document);
        });
    }

    private static Map<String, String> addresses(World world) {
        String base = "/" + world.site().slug();
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("home", base);
        addresses.put("news", base + "/news");
        addresses.put("article", base + "/news/" + world.article());
        addresses.put("albums", base + "/albums");
        addresses.put("album", base + "/albums/" + world.album());
        addresses.put("document", base + "/documents/" + world.document());
        addresses.put("atom", base + "/feed.xml");
        addresses.put("rss", base + "/rss.xml");
        addresses.put("sitemap", "/sitemap.xml");
        addresses.put("join", base + "/join");
        addresses.put("feedback", base + "/feedback");
        return addresses;
    }

    private String view(String address) throws Exception {
        return mvc.perform(get(address))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

package ru.profkom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.profkom.channelregistry.ChannelForm;
import ru.profkom.channelregistry.ChannelKind;
import ru.profkom.channelregistry.ChannelRegistry;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.activists.ActivistSubmissions;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.portal.AlbumWorld;
import ru.profkom.publications.PublicationWorld;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * The web pages' twin of {@link ApiAccessTests}: every page that names an object in its address,
 * opened by an administrator of region A with the object of region B, answers 404 or 403. Pages are
 * found from the handler mappings, so a new page is covered without new code; a new kind of path
 * variable fails the test until the table below knows it.
 */
@ProfkomIntegrationTest
class PageAccessTests {

    /**
     * Pages that are public by design: the electronic card's check tells anyone valid or not; an e-mail's tracked
     * links, pixel and unsubscribe page open by their signed token (TrackingTests).
     */
    private static final List<String> PUBLIC =
            List.of("/card/{token}", "/password/reset", "/m/c/{token}", "/m/o/{token}.gif", "/m/u/{token}");

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Members members;

    @Autowired
    ChannelRegistry channelRegistry;

    @Autowired
    ru.profkom.mailings.Mailings mailings;

    @Autowired
    MemberImports memberImports;

    @Autowired
    ActivistSubmissions activistSubmissions;

    @Autowired
    PublicationWorld publicationWorld;

    @Autowired
    AlbumWorld albumWorld;

    private Map<String, ToLongFunction<Fixture>> outside;

    @BeforeEach
    void buildRegionB() {
        Member person = actors.asSystem(() -> members.register(
                fixture.primaryB1(),
                new PersonData(Fixture.unique("Чужов"), "Пётр", null, null, null, null, null, null, null, null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        long consent = actors.asSystem(() ->
                        members.giveConsent(person.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null))
                .consents()
                .getFirst()
                .id();
        byte[] file = "ФИО;Дата рождения\nЧужов Иван;01.01.1980\n".getBytes(StandardCharsets.UTF_8);
        long memberImport = actors.asSystem(() -> memberImports.upload(fixture.primaryB1(), "b.csv", file))
                .id();
        long snapshot = actors.asSystem(
                        () -> activistSubmissions.submit(fixture.primaryB1(), activistSubmissions.currentYear()))
                .id();
        PublicationWorld.Objects objects = publicationWorld.build(fixture.territorialB1(), fixture.primaryB1());
        AlbumWorld.Objects album = albumWorld.build(fixture.primaryB1());
        long registryChannel = actors.asSystem(() -> channelRegistry.register(
                        fixture.primaryB1(),
                        new ChannelForm(ChannelKind.SITE, "https://b1.example.ru", "Сайт Б1", "", false)))
                .id();
        long mailing = actors.asSystem(() -> mailings.createDraft(
                fixture.primaryB1(),
                new ru.profkom.mailings.MailingForm(
                        "Рассылка Б1",
                        null,
                        null,
                        "Тема",
                        null,
                        Map.of(ru.profkom.mailings.Channel.EMAIL, "Текст"),
                        null,
                        null,
                        null)));
        outside = Map.ofEntries(
                object("channelId", f -> registryChannel),
                object("mailingId", f -> mailing),
                object("albumId", f -> album.album()),
                object("photoId", f -> album.photo()),
                object("publicationId", f -> objects.publication()),
                object("imageId", f -> objects.image()),
                object("attachmentId", f -> objects.attachment()),
                object("packageId", f -> objects.infoPackage()),
                object("routeId", f -> objects.route()),
                object("id", Fixture::primaryB1),
                object("personId", f -> person.id()),
                object("membershipId", f -> person.memberships().getFirst().id()),
                object("consentId", f -> consent),
                object("grantId", Fixture::grantMemberB1),
                object("bodyId", Fixture::bodyB1),
                object("importId", f -> memberImport),
                object("snapshotId", f -> snapshot));
    }

    private static Map.Entry<String, ToLongFunction<Fixture>> object(String name, ToLongFunction<Fixture> object) {
        return Map.entry(name, object);
    }

    @Test
    void refusesEveryPageAboutAnObjectOfAnotherRegion() throws Exception {
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (String pattern : pagePatterns()) {
            StringBuilder uri = new StringBuilder();
            Matcher matcher = VARIABLE.matcher(pattern);
            while (matcher.find()) {
                ToLongFunction<Fixture> object = outside.get(matcher.group(1));
                assertThat(object)
                        .as("PageAccessTests knows no object for {" + matcher.group(1) + "} in " + pattern
                                + ": add it to the table")
                        .isNotNull();
                matcher.appendReplacement(uri, String.valueOf(object.applyAsLong(fixture)));
            }
            matcher.appendTail(uri);
            int status = mvc.perform(get(uri.toString()).with(actors.signedIn(Fixture.ADMIN_A)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            pages++;
            if (status != 404 && status != 403) {
                failures.add("GET " + pattern + " → " + status);
            }
        }
        assertThat(pages).as("pages with ids found").isGreaterThanOrEqualTo(20);
        assertThat(failures)
                .as("pages of region B opened by an administrator of region A")
                .isEmpty();
    }

    @Test
    void opensThePagesOfTheAdministratorsOwnRegion() throws Exception {
        // The same kind of call inside the region succeeds, so the refusals above are not an accident.
        for (String uri : List.of(
                "/orgs/" + fixture.primaryA1(),
                "/orgs/" + fixture.regionA() + "/members",
                "/orgs/" + fixture.regionA() + "/statistics")) {
            int status = mvc.perform(get(uri).with(actors.signedIn(Fixture.ADMIN_A)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(uri).isEqualTo(200);
        }
    }

    private List<String> pagePatterns() {
        List<String> patterns = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean readsPages = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            for (String pattern : info.getPatternValues()) {
                if (readsPages
                        && pattern.contains("{")
                        && !pattern.startsWith("/api/")
                        && !pattern.startsWith("/v3/")
                        && !pattern.startsWith("/swagger")
                        && !PUBLIC.contains(pattern)
                        // The portal's public pages at organizations' own addresses (PublicPagesTests).
                        && !pattern.startsWith("/{slug")) {
                    patterns.add(pattern);
                }
            }
        });
        return patterns.stream().sorted().distinct().toList();
    }
}

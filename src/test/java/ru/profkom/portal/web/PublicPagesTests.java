package ru.profkom.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.MemberQuery;
import ru.profkom.members.MemberSummary;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.Site;
import ru.profkom.portal.SiteForm;
import ru.profkom.portal.Slugs;
import ru.profkom.shared.PageRequest;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestClock;

@ProfkomIntegrationTest
class PublicPagesTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
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
    Members members;

    @Autowired
    TestClock clock;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void reservesEveryFirstPathSegmentTheApplicationMaps() {
        Set<String> segments = new TreeSet<>();
        handlerMapping
                .getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().forEach(pattern -> {
                    String first = pattern.replaceFirst("^/", "").split("/")[0];
                    if (!first.isEmpty() && !first.startsWith("{")) {
                        segments.add(first.replaceAll("\\..*$", ""));
                    }
                }));
        assertThat(segments).isNotEmpty();
        assertThat(Slugs.RESERVED)
                .as("Slugs.RESERVED must hold every first segment a controller maps, or a page could shadow it")
                .containsAll(segments);
    }

    @Test
    void showsThePageToAnyoneWithOpenGraphTagsAndNeutralizedText() throws Exception {
        Site site = site("ППО роддома", "<script>alert('about')</script>\nВторая строка", "Тел. +7 495 000-00-00");

        String page = anonymous(get("/" + site.slug()));

        assertThat(page)
                .contains("ППО роддома")
                .contains("property=\"og:title\"", "property=\"og:url\"", "/" + site.slug())
                .contains("&lt;script&gt;alert(&#39;about&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        assertThat(anonymous(get("/sitemap.xml"))).contains("/" + site.slug() + "</loc>");
        assertThat(anonymous(get("/" + site.slug() + "/feed.xml")))
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        assertThat(anonymous(get("/" + site.slug() + "/news"))).contains("Новостей пока нет");
        assertThat(page).contains("href=\"/favicon.svg\"");
        assertThat(anonymous(get("/favicon.svg"))).as("the icon the page names").contains("<svg");
    }

    @Test
    void aCachedNewsPageIsServedWithTheSameSecurityHeadersAsTheRenderedOne() throws Exception {
        Site site = site("ППО поликлиники", "О нас", "Контакты");
        String address = "/" + site.slug() + "/news";

        var rendered =
                mvc.perform(get(address)).andExpect(status().isOk()).andReturn().getResponse();
        var cached =
                mvc.perform(get(address)).andExpect(status().isOk()).andReturn().getResponse();

        assertThat(cached.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(rendered.getContentAsString(StandardCharsets.UTF_8));
        assertThat(rendered.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        for (String header : List.of(
                "X-Content-Type-Options",
                "X-Frame-Options",
                "Content-Security-Policy",
                "Cache-Control",
                "Content-Language")) {
            assertThat(cached.getHeaders(header)).as(header).isEqualTo(rendered.getHeaders(header));
        }
        assertThat(cached.getContentType()).isEqualTo(rendered.getContentType());
        assertThat(cached.getCookies()).isEmpty();
    }

    @Test
    void answersNotFoundForUnknownAddressesAndKeepsTheApplicationsRoutesClosed() throws Exception {
        // An address no organization took is «not found» for the public too, not the staff's sign-in.
        mvc.perform(get("/no-such-organization")).andExpect(status().isNotFound());
        mvc.perform(get("/no-such-organization/news")).andExpect(status().isNotFound());
        mvc.perform(get("/orgs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/no-such-organization").with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/orgs").with(actors.signedIn(Fixture.ADMIN_A))).andExpect(status().isOk());
    }

    @Test
    void namesOnlyLeadersWhoConsentedToPublicationAndNoOtherPersonalData() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО хосписа");
        Member consenting = member(primary, "Светлова", "+79161112233");
        Member silent = member(primary, "Тихонова", "+79164445566");
        actors.run(Fixture.ADMIN_A, () -> {
            members.assignRole(consenting.id(), primary, UnionRole.CHAIR, null);
            members.assignRole(silent.id(), primary, UnionRole.DEPUTY_CHAIR, null);
            members.giveConsent(consenting.id(), ConsentPurpose.PUBLICATION, null, ConsentForm.PAPER, null);
            members.giveConsent(silent.id(), ConsentPurpose.EMAIL, null, ConsentForm.PAPER, null);
        });
        Site site = save(primary, null, null);

        String page = anonymous(get("/" + site.slug()));

        assertThat(page).contains("Светлова Анна Петровна").doesNotContain("Тихонова", "9161112233", "1985");
        long consentId = actors.as(
                Fixture.ADMIN_A,
                () -> members.get(consenting.id()).consents().stream()
                        .filter(c -> c.purpose() == ConsentPurpose.PUBLICATION)
                        .findFirst()
                        .orElseThrow()
                        .id());
        actors.run(Fixture.ADMIN_A, () -> members.withdrawConsent(consentId, null));
        assertThat(anonymous(get("/" + site.slug()))).doesNotContain("Светлова");
    }

    @Test
    void namesNoLeaderWhoLeftTheUnionOrWithdrewTheConsentToProcessing() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО котельной");
        Member leaving = member(primary, "Уходящева", "+79161230001");
        Member refusing = member(primary, "Отказова", "+79161230002");
        Member staying = member(primary, "Остаётся", "+79161230003");
        actors.run(Fixture.ADMIN_A, () -> {
            members.assignRole(leaving.id(), primary, UnionRole.CHAIR, null);
            members.assignRole(refusing.id(), primary, UnionRole.DEPUTY_CHAIR, null);
            members.assignRole(staying.id(), primary, UnionRole.INFO_WORKER, null);
            for (Member leader : List.of(leaving, refusing, staying)) {
                members.giveConsent(leader.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null);
                members.giveConsent(leader.id(), ConsentPurpose.PUBLICATION, null, ConsentForm.PAPER, null);
            }
        });
        Site site = save(primary, null, null);
        assertThat(anonymous(get("/" + site.slug()))).contains("Уходящева", "Отказова", "Остаётся");

        actors.run(Fixture.ADMIN_A, () -> {
            members.exit(
                    leaving.memberships().getFirst().id(), ru.profkom.members.MemberEnums.ExitReason.OWN_WISH, null);
            long processing = members.get(refusing.id()).consents().stream()
                    .filter(c -> c.purpose() == ConsentPurpose.PROCESSING)
                    .findFirst()
                    .orElseThrow()
                    .id();
            members.withdrawConsent(processing, null);
        });

        assertThat(anonymous(get("/" + site.slug()))).contains("Остаётся").doesNotContain("Уходящева", "Отказова");
    }

    @Test
    void dropsALeaderFromTheKeptPageAsSoonAsTheRoleEndsOrTheConsentIsWithdrawnInTheCabinet() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО прачечной");
        Member ending = member(primary, "Срочнова", "+79161230004");
        Member staying = member(primary, "Постоянов", "+79161230005");
        long[] endingRole = new long[1];
        actors.run(Fixture.ADMIN_A, () -> {
            endingRole[0] = members.assignRole(ending.id(), primary, UnionRole.CHAIR, null).roles().stream()
                    .filter(role -> role.role() == UnionRole.CHAIR)
                    .findFirst()
                    .orElseThrow()
                    .id();
            members.assignRole(staying.id(), primary, UnionRole.DEPUTY_CHAIR, null);
            for (Member leader : List.of(ending, staying)) {
                members.giveConsent(leader.id(), ConsentPurpose.PUBLICATION, null, ConsentForm.PAPER, null);
            }
        });
        Site site = save(primary, null, null);
        // Viewed twice, so the second view is the one kept in memory.
        anonymous(get("/" + site.slug()));
        assertThat(anonymous(get("/" + site.slug()))).contains("Срочнова", "Постоянов");

        actors.run(Fixture.ADMIN_A, () -> members.endRole(endingRole[0], null));

        assertThat(anonymous(get("/" + site.slug()))).contains("Постоянов").doesNotContain("Срочнова");
    }

    @Test
    void filesAJoinApplicationInTheRegistryWithConsentForTheStaffToAccept() throws Exception {
        long primary =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО станции скорой помощи");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String issued = issued("/" + site.slug() + "/join", address);

        clock.shiftedBy(Duration.ofSeconds(10), () -> {
            submit(
                    site,
                    "join",
                    issued,
                    address,
                    "lastName",
                    "Заявкина",
                    "firstName",
                    "Ольга",
                    "patronymic",
                    "Игоревна",
                    "birthDate",
                    "02.03.1990",
                    "phone",
                    "8 (916) 123-45-67",
                    "email",
                    "olga@example.ru",
                    "workplace",
                    "Фельдшер",
                    "consent",
                    "true");
            return null;
        });

        MemberSummary application = applications(primary).stream().findFirst().orElseThrow();
        assertThat(application.fullName()).isEqualTo("Заявкина Ольга Игоревна");
        Member person = actors.as(Fixture.ADMIN_A, () -> members.get(application.personId()));
        assertThat(person.consents()).anySatisfy(c -> assertThat(c.purpose()).isEqualTo(ConsentPurpose.PROCESSING));
        assertThat(person.phone()).isEqualTo("+79161234567");

        String staffPage = mvc.perform(get("/orgs/{id}/site", primary).with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffPage).contains("Заявкина Ольга Игоревна");
        mvc.perform(post("/orgs/{id}/site/applications/{m}/accept", primary, application.membershipId())
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().is3xxRedirection());
        assertThat(applications(primary)).isEmpty();
        assertThat(actors.as(Fixture.ADMIN_A, () -> members.get(application.personId()))
                        .memberships()
                        .getFirst()
                        .status())
                .isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void refusesAJoinApplicationWithoutConsentAndShowsTheConsentText() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО диспансера");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String form = anonymous(get("/" + site.slug() + "/join").with(from(address)));
        assertThat(form).contains("152-ФЗ", "ППО диспансера");
        String issued = token(form);

        String answer = clock.shiftedBy(
                Duration.ofSeconds(10),
                () -> submitForPage(
                        site,
                        "join",
                        issued,
                        address,
                        "lastName",
                        "Безсогласия",
                        "firstName",
                        "Пётр",
                        "birthDate",
                        "01.01.1980",
                        "phone",
                        "+79160000001"));

        assertThat(answer).contains("Без согласия на обработку персональных данных");
        assertThat(applications(primary)).isEmpty();
    }

    @Test
    void showsAMistakeAtItsFieldAndKeepsWhatWasEntered() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО поликлиники");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String issued = issued("/" + site.slug() + "/join", address);

        String answer = clock.shiftedBy(
                Duration.ofSeconds(10),
                () -> submitForPage(
                        site,
                        "join",
                        issued,
                        address,
                        "lastName",
                        "Ошибкина",
                        "firstName",
                        "Анна",
                        "birthDate",
                        "31.02.1990",
                        "phone",
                        "+79160000002",
                        "consent",
                        "true"));

        assertThat(input(answer, "birthDate")).contains("value=\"31.02.1990\"", "is-invalid", "aria-invalid=\"true\"");
        assertThat(answer).containsPattern("data-testid=\"error-birthDate\">[^<]+</div>");
        assertThat(input(answer, "lastName"))
                .contains("value=\"Ошибкина\"")
                .doesNotContain("is-invalid", "aria-invalid");
        assertThat(applications(primary)).isEmpty();
    }

    @Test
    void showsAMissingMessageAtItsFieldAndKeepsTheName() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО аптеки");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String issued = issued("/" + site.slug() + "/feedback", address);

        String answer = clock.shiftedBy(
                Duration.ofSeconds(10),
                () -> submitForPage(site, "feedback", issued, address, "authorName", "Гостья", "message", ""));

        assertThat(input(answer, "authorName")).contains("value=\"Гостья\"").doesNotContain("is-invalid");
        assertThat(answer)
                .containsPattern(
                        "<textarea[^>]*id=\"message\"[^>]*is-invalid|<textarea[^>]*is-invalid[^>]*id=\"message\"")
                .containsPattern("data-testid=\"error-message\">[^<]+</div>");
    }

    /** The input tag of a field in a page. */
    private static String input(String page, String id) {
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<input[^>]*\\sid=\"" + id + "\"[^>]*>")
                .matcher(page);
        assertThat(tag.find()).as("input " + id).isTrue();
        return tag.group();
    }

    @Test
    void turnsAwayRobotsThatFillTheHoneypotOrSubmitAtOnceWithoutStoringAnything() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО лаборатории");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String issued = issued("/" + site.slug() + "/join", address);
        var before = database.take();

        // A robot fills every field, the hidden one too: it is thanked and nothing is stored.
        clock.shiftedBy(Duration.ofSeconds(10), () -> {
            submit(
                    site,
                    "join",
                    issued,
                    address,
                    "lastName",
                    "Роботов",
                    "firstName",
                    "Бот",
                    "birthDate",
                    "01.01.1990",
                    "phone",
                    "+79160000002",
                    "consent",
                    "true",
                    "website",
                    "http://spam.example");
            return null;
        });
        // Submitted the moment the form opened: refused with a message.
        String tooFast = submitForPage(
                site,
                "join",
                issued,
                address,
                "lastName",
                "Быстров",
                "firstName",
                "Бот",
                "birthDate",
                "01.01.1990",
                "phone",
                "+79160000003",
                "consent",
                "true");
        assertThat(tooFast).contains("слишком быстро");
        // A forged time of issue.
        String forged = submitForPage(
                site,
                "join",
                "1000." + "x".repeat(43),
                address,
                "lastName",
                "Подделкин",
                "firstName",
                "Бот",
                "birthDate",
                "01.01.1990",
                "phone",
                "+79160000004",
                "consent",
                "true");
        assertThat(forged).contains("Форма устарела");

        database.assertUnchangedSince(before);
    }

    @Test
    void limitsSubmissionsFromOneAddress() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО прачечной");
        Site site = save(primary, null, null);
        String address = nextAddress();
        List<String> issued = new java.util.ArrayList<>();
        for (int i = 0; i <= SpamGuard.LIMIT; i++) {
            issued.add(issued("/" + site.slug() + "/feedback", address));
        }

        String last = clock.shiftedBy(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < SpamGuard.LIMIT; i++) {
                submit(site, "feedback", issued.get(i), address, "authorName", "Гость " + i, "message", "Вопрос " + i);
            }
            return submitForPage(
                    site,
                    "feedback",
                    issued.get(SpamGuard.LIMIT),
                    address,
                    "authorName",
                    "Гость",
                    "message",
                    "Ещё вопрос");
        });

        assertThat(last).contains("Слишком много отправок");
        assertThat(actors.as(Fixture.ADMIN_A, () -> sites.feedback(primary, PageRequest.of(0, 50)))
                        .total())
                .isEqualTo(SpamGuard.LIMIT);
        // Another address is not affected.
        String other = nextAddress();
        String otherIssued = issued("/" + site.slug() + "/feedback", other);
        clock.shiftedBy(Duration.ofSeconds(10), () -> {
            submit(site, "feedback", otherIssued, other, "authorName", "Другой", "message", "Вопрос");
            return null;
        });
        assertThat(actors.as(Fixture.ADMIN_A, () -> sites.feedback(primary, PageRequest.of(0, 50)))
                        .total())
                .isEqualTo(SpamGuard.LIMIT + 1);
    }

    @Test
    void acceptsASignedFormTokenOnceOnAnyAddress() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО почты");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String issued = issued("/" + site.slug() + "/feedback", address);

        String replayed = clock.shiftedBy(Duration.ofSeconds(10), () -> {
            submit(site, "feedback", issued, address, "authorName", "Гость", "message", "Вопрос");
            return submitForPage(
                    site, "feedback", issued, nextAddress(), "authorName", "Робот", "message", "Тот же токен");
        });

        assertThat(replayed).contains("Эта форма уже была отправлена");
        assertThat(actors.as(Fixture.ADMIN_A, () -> sites.feedback(primary, PageRequest.of(0, 50)))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void countsTheClientBehindATrustedProxyNotTheProxy() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО вокзала");
        Site site = save(primary, null, null);
        // Without trusted proxies configured (the default), a forged header does not change the address.
        String address = nextAddress();
        List<String> issued = new java.util.ArrayList<>();
        for (int i = 0; i <= SpamGuard.LIMIT; i++) {
            issued.add(issued("/" + site.slug() + "/feedback", address));
        }
        String last = clock.shiftedBy(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < SpamGuard.LIMIT; i++) {
                int n = i;
                try {
                    mvc.perform(request(
                                            site,
                                            "feedback",
                                            issued.get(n),
                                            address,
                                            "authorName",
                                            "Гость",
                                            "message",
                                            "Вопрос " + n)
                                    .header("X-Forwarded-For", "192.0.2." + (100 + n)))
                            .andExpect(status().is3xxRedirection());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                return mvc.perform(request(
                                        site,
                                        "feedback",
                                        issued.get(SpamGuard.LIMIT),
                                        address,
                                        "authorName",
                                        "Гость",
                                        "message",
                                        "Ещё")
                                .header("X-Forwarded-For", "192.0.2.200"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(last).contains("Слишком много отправок");
    }

    @Test
    void showsFeedbackToStaffWithItsMarkupNeutralized() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО столовой");
        Site site = save(primary, null, null);
        String address = nextAddress();
        String issued = issued("/" + site.slug() + "/feedback", address);
        clock.shiftedBy(Duration.ofSeconds(10), () -> {
            submit(
                    site,
                    "feedback",
                    issued,
                    address,
                    "authorName",
                    "<img src=x onerror=alert(1)>",
                    "contact",
                    "guest@example.ru",
                    "message",
                    "<script>alert('feedback')</script>");
            return null;
        });

        String staffPage = mvc.perform(get("/orgs/{id}/site", primary).with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(staffPage)
                .contains(
                        "&lt;script&gt;alert(&#39;feedback&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        mvc.perform(get("/orgs/{id}/site", primary).with(actors.signedIn(Fixture.ADMIN_B)))
                .andExpect(status().isNotFound());
    }

    @Test
    void servesADocumentOnlyThroughItsOwnOrganizationsAddress() throws Exception {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО гаража");
        long other = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО склада");
        Site site = save(primary, null, null);
        Site otherSite = save(other, null, null);
        byte[] pdf = "%PDF-1.4\nтело".getBytes(StandardCharsets.UTF_8);
        long documentId = actors.as(
                        Fixture.ADMIN_A, () -> sites.addDocument(primary, "Коллективный договор", "kd.pdf", pdf))
                .id();

        assertThat(anonymous(get("/" + site.slug()))).contains("Коллективный договор");
        var response = mvc.perform(get("/" + site.slug() + "/documents/" + documentId))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        mvc.perform(get("/" + otherSite.slug() + "/documents/" + documentId)).andExpect(status().isNotFound());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Site site(String name, String about, String contacts) {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, name);
        return save(primary, about, contacts);
    }

    private Site save(long organizationId, String about, String contacts) {
        return actors.as(Fixture.ADMIN_A, () -> {
            SiteForm proposed = sites.form(organizationId);
            return sites.save(organizationId, new SiteForm(proposed.slug(), about, contacts, proposed.version()));
        });
    }

    private Member member(long organizationId, String lastName, String phone) {
        return actors.as(
                Fixture.ADMIN_A,
                () -> members.register(
                        organizationId,
                        new PersonData(
                                lastName,
                                "Анна",
                                "Петровна",
                                LocalDate.of(1985, 5, 6),
                                null,
                                null,
                                phone,
                                lastName.toLowerCase() + "@example.ru",
                                null,
                                null),
                        new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
    }

    private java.util.List<MemberSummary> applications(long organizationId) {
        return actors.as(
                Fixture.ADMIN_A,
                () -> members.search(
                                new MemberQuery(null, organizationId, MembershipStatus.APPLICATION, null, null, null),
                                PageRequest.of(0, 50))
                        .items());
    }

    private String anonymous(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String issued(String formPath, String address) throws Exception {
        return token(anonymous(get(formPath).with(from(address))));
    }

    private static String token(String page) {
        Matcher matcher = ISSUED.matcher(page);
        assertThat(matcher.find())
                .as("the form carries its signed time of issue")
                .isTrue();
        return matcher.group(1);
    }

    private static String nextAddress() {
        return "198.51.100." + ADDRESS.getAndIncrement();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void submit(Site site, String form, String issued, String address, String... fields) {
        try {
            mvc.perform(request(site, form, issued, address, fields)).andExpect(status().is3xxRedirection());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String submitForPage(Site site, String form, String issued, String address, String... fields) {
        try {
            return mvc.perform(request(site, form, issued, address, fields))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletRequestBuilder request(
            Site site, String form, String issued, String address, String... fields) {
        MockHttpServletRequestBuilder request = post("/" + site.slug() + "/" + form)
                .param("issued", issued)
                .with(from(address))
                .with(SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }
}

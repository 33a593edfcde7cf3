package ru.profkom.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.mail.MailOutbox;
import ru.profkom.mail.OutgoingMail;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.UnionCard;
import ru.profkom.members.UnionCards;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.publications.InfoPackage;
import ru.profkom.publications.InfoPackageDraft;
import ru.profkom.publications.InfoPackages;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.Refusals;

/**
 * Issue 13.14: every absolute link (the e-card's QR, links in e-mail and package notices, feeds and the sitemap)
 * uses one public address: the one the union administrator set on the settings page, else the configured
 * {@code profkom.base-url} (here {@code http://profkom.test}). Never {@code localhost} once either is set.
 */
@ProfkomIntegrationTest
class PublicAddressTests {

    static final String CONFIGURED = "http://profkom.test";
    static final String SET_BY_ADMIN = "https://profkom.example.ru";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Autowired
    UnionCards cards;

    @Autowired
    InfoPackages packages;

    @Autowired
    MailOutbox outbox;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    InstallationSettings settings;

    @Autowired
    AuditLog auditLog;

    /** The shared context's other tests expect the configured address. */
    @AfterEach
    void clearTheAddressSetOnThePage() {
        CurrentActor.asSystem(() -> settings.changePublicAddress(""));
    }

    @Test
    void usesTheConfiguredAddressUntilTheAdministratorSetsOneAndThenTheirsInEveryLink() throws Exception {
        long personId = registerWithCard();
        assertThat(card(personId).verificationUrl()).startsWith(CONFIGURED + "/card/");
        assertThat(publicAddress.base()).isEqualTo(CONFIGURED);

        mvc.perform(post("/admin/settings/public-address")
                        .param("publicAddress", SET_BY_ADMIN + "/")
                        .with(actors.signedIn(Fixture.UNION_ADMIN)))
                .andExpect(redirectedUrl("/admin/settings"));

        assertThat(publicAddress.base()).isEqualTo(SET_BY_ADMIN);
        UnionCard card = card(personId);
        assertThat(card.verificationUrl()).isEqualTo(SET_BY_ADMIN + "/card/" + card.token());
        assertThat(packageNoticeBody()).contains(SET_BY_ADMIN + "/packages/").doesNotContain(CONFIGURED, "localhost");
        assertThat(resetMailBody()).contains(SET_BY_ADMIN + "/password/reset?token=");
        assertThat(mvc.perform(get("/sitemap.xml"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(CONFIGURED, "localhost");
        assertThat(page("/admin/settings", Fixture.UNION_ADMIN))
                .contains(SET_BY_ADMIN, CONFIGURED, "задан на этой странице", Fixture.UNION_ADMIN);
        await().atMost(Patience.AFTER_COMMIT)
                .untilAsserted(() -> assertThat(actors.as(
                                        Fixture.UNION_ADMIN,
                                        () -> auditLog.forSubtree(
                                                fixture.union(),
                                                new AuditFilter(
                                                        "PUBLIC_ADDRESS_CHANGED", Fixture.UNION_ADMIN, null, null),
                                                PageRequest.of(0, 10)))
                                .items())
                        .extracting(AuditEntry::details)
                        .contains("— → " + SET_BY_ADMIN));

        mvc.perform(post("/admin/settings/public-address")
                        .param("publicAddress", "")
                        .with(actors.signedIn(Fixture.UNION_ADMIN)))
                .andExpect(redirectedUrl("/admin/settings"));
        assertThat(card(personId).verificationUrl()).startsWith(CONFIGURED + "/card/");
    }

    @Test
    void refusesAnAddressThatIsNotOneWithTheFieldNamedInRussian() throws Exception {
        String page = new String(
                mvc.perform(post("/admin/settings/public-address")
                                .param("publicAddress", "profkom.example.ru/путь?x=1")
                                .with(actors.signedIn(Fixture.UNION_ADMIN)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);

        assertThat(page).contains("Адрес должен начинаться с http:// или https://", "is-invalid");
        assertThat(page)
                .as("the field keeps what was typed and names its hint")
                .contains(
                        "value=\"profkom.example.ru/путь?x=1\"",
                        "aria-describedby=\"publicAddress-hint\"",
                        "id=\"publicAddress-hint\"");
        assertThat(publicAddress.base()).isEqualTo(CONFIGURED);
        Refusals.assertRefused(
                Kind.INVALID,
                "settings.publicAddress.invalid",
                () -> CurrentActor.asSystem(() -> settings.changePublicAddress("ftp://profkom.example.ru")));
    }

    @Test
    void letsOnlyTheUnionAdministratorSeeOrChangeTheSettings() throws Exception {
        String regionAdmin = fixture.account(fixture.regionA(), Role.ORG_ADMIN);
        mvc.perform(get("/admin/settings").with(actors.signedIn(regionAdmin))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/settings/public-address")
                        .param("publicAddress", "https://evil.example")
                        .with(actors.signedIn(regionAdmin)))
                .andExpect(status().isForbidden());
        Refusals.assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(regionAdmin, () -> settings.changePublicAddress("https://evil.example")));
        assertThat(publicAddress.base()).isEqualTo(CONFIGURED);
    }

    private long registerWithCard() {
        return actors.as(Fixture.ADMIN_A, () -> {
            Member member = members.register(
                    fixture.primaryA1(),
                    new PersonData(
                            "Адресова",
                            "Вера",
                            "Павловна",
                            LocalDate.of(1990, 3, 4),
                            Gender.F,
                            null,
                            null,
                            null,
                            null,
                            null),
                    new MembershipData(
                            MembershipStatus.ACTIVE, LocalDate.of(2020, 1, 10), Fixture.unique("А"), Category.WORKER));
            cards.issue(member.id());
            return member.id();
        });
    }

    private UnionCard card(long personId) {
        return actors.as(Fixture.ADMIN_A, () -> cards.card(personId));
    }

    private String packageNoticeBody() {
        String regionInfo = fixture.account(fixture.regionA(), Role.INFO_WORKER);
        long ppo = fixture.organization(fixture.territorialA2(), OrganizationKind.PRIMARY, "ППО адресного бюро");
        String ppoChair = fixture.account(ppo, Role.CHAIR);
        InfoPackage sent = actors.as(
                regionInfo,
                () -> packages.send(fixture.regionA(), new InfoPackageDraft("Адрес в письме", "Текст", Set.of(), 0)));
        actors.as(regionInfo, () -> packages.remind(sent.id()));
        return outbox.recent(PageRequest.of(0, 200)).items().stream()
                .filter(mail -> mail.recipient().equals(Fixture.emailOf(ppoChair)))
                .filter(mail -> mail.body().contains("/packages/" + sent.id()))
                .map(OutgoingMail::body)
                .findFirst()
                .orElseThrow();
    }

    private String resetMailBody() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        mvc.perform(
                        post("/password/forgot")
                                .param("login", login)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk());
        return outbox.recent(PageRequest.of(0, 200)).items().stream()
                .filter(mail -> mail.recipient().equals(Fixture.emailOf(login)))
                .map(OutgoingMail::body)
                .findFirst()
                .orElseThrow();
    }

    private String page(String path, String login) throws Exception {
        return new String(
                mvc.perform(get(path).with(actors.signedIn(login)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }
}

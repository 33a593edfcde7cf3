package ru.profkom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.profkom.support.Refusals.assertRefused;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

@ProfkomIntegrationTest
class AccountsTests {

    private static final Duration PATIENCE = Patience.AFTER_COMMIT;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final Pattern RESET_LINK =
            Pattern.compile("http://profkom\\.test/password/reset\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    MockMvc mvc;

    // ---- sign-in and lockout --------------------------------------------------------------------

    @Test
    void slowsDownSignInAfterFiveWrongPasswordsFromOneAddressAndAuditsIt() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        String address = nextAddress();

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(signIn(login, "wrong-password-" + attempt, address))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(signIn(login, Fixture.PASSWORD, address))
                .andExpect(unauthenticated())
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login?error=throttled&wait="));
        mvc.perform(get("/api/v1/me")
                        .with(SecurityMockMvcRequestPostProcessors.httpBasic(login, Fixture.PASSWORD))
                        .with(from(address)))
                .andExpect(status().isTooManyRequests());

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(actions(login))
                        .containsOnly("SIGN_IN_FAILED", "ACCOUNT_LOCKED")
                        .containsOnlyOnce("ACCOUNT_LOCKED")
                        .filteredOn("SIGN_IN_FAILED"::equals)
                        .hasSize(5));
        assertThat(entries(login)).allSatisfy(entry -> {
            assertThat(entry.organizationId()).isEqualTo(fixture.territorialA1());
            assertThat(entry.remoteAddress()).isEqualTo(address);
        });
        mvc.perform(signIn(login, Fixture.PASSWORD, nextAddress())).andExpect(authenticated());
    }

    @Test
    void forgetsEarlierFailuresAfterASuccessfulSignIn() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        String address = nextAddress();

        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(signIn(login, "wrong", address)).andExpect(unauthenticated());
        }
        mvc.perform(signIn(login, Fixture.PASSWORD, address)).andExpect(authenticated());
        String other = nextAddress();
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(signIn(login, "wrong", other)).andExpect(unauthenticated());
        }

        mvc.perform(signIn(login, Fixture.PASSWORD, other))
                .andExpect(authenticated().withUsername(login));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(actions(login))
                        .filteredOn("SIGNED_IN"::equals)
                        .hasSize(2));
        assertThat(actions(login)).doesNotContain("ACCOUNT_LOCKED");
    }

    // ---- password reset by e-mail ---------------------------------------------------------------

    @Test
    void resetsThePasswordThroughTheLinkInTheMailOnce() throws Exception {
        String login = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String email = Fixture.emailOf(login);
        String newPassword = "Novyj-parol-2026";

        accounts.requestPasswordReset(email.toUpperCase(Locale.ROOT), "http://profkom.test", RUSSIAN);

        MimeMessage mail = await().atMost(PATIENCE)
                .until(() -> TestMail.receivedBy(email), list -> !list.isEmpty())
                .getFirst();
        String body = (String) mail.getContent();
        assertThat(mail.getSubject()).isEqualTo("Профком: смена пароля");
        assertThat(body).contains("Здравствуйте, Тестовый Пользователь " + login);
        Matcher link = RESET_LINK.matcher(body);
        assertThat(link.find()).as("reset link in %s", body).isTrue();
        String token = link.group(1);
        assertThat(accounts.resetTokenUsable(token)).isTrue();

        accounts.resetPassword(token, newPassword);

        mvc.perform(formLogin("/login").user(login).password(newPassword)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(login).password(Fixture.PASSWORD)).andExpect(unauthenticated());
        assertThat(accounts.resetTokenUsable(token)).isFalse();
        var before = database.take();
        assertRefused(
                Kind.INVALID,
                "token",
                "password.reset.invalidToken",
                () -> accounts.resetPassword(token, "Esche-odin-2026"));
        assertRefused(
                Kind.INVALID,
                "token",
                "password.reset.invalidToken",
                () -> accounts.resetPassword(token + "x", "Esche-odin-2026"));
        database.assertUnchangedSince(before);
        mvc.perform(formLogin("/login").user(login).password(newPassword)).andExpect(authenticated());
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(actions(login)).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_CHANGED"));
    }

    @Test
    void unlocksALockedAccountByPasswordReset() throws Exception {
        String login = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String address = nextAddress();
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(signIn(login, "wrong", address)).andExpect(unauthenticated());
        }
        accounts.requestPasswordReset(login, "http://profkom.test", RUSSIAN);
        MimeMessage mail = await().atMost(PATIENCE)
                .until(() -> TestMail.receivedBy(Fixture.emailOf(login)), list -> !list.isEmpty())
                .getFirst();
        Matcher link = RESET_LINK.matcher((String) mail.getContent());
        assertThat(link.find()).isTrue();

        accounts.resetPassword(link.group(1), "Razblokirovan-2026");

        mvc.perform(signIn(login, "Razblokirovan-2026", address)).andExpect(authenticated());
    }

    @Test
    void sendsNothingForAnUnknownLoginAndSaysNothingAboutIt() {
        var before = database.take();

        accounts.requestPasswordReset("nobody-" + Fixture.unique("x"), "http://profkom.test", RUSSIAN);
        accounts.requestPasswordReset("nobody@nowhere.test", "http://profkom.test", RUSSIAN);

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesATooShortNewPasswordAndKeepsTheToken() throws Exception {
        String login = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        accounts.requestPasswordReset(login, "http://profkom.test", RUSSIAN);
        MimeMessage mail = await().atMost(PATIENCE)
                .until(() -> TestMail.receivedBy(Fixture.emailOf(login)), list -> !list.isEmpty())
                .getFirst();
        Matcher link = RESET_LINK.matcher((String) mail.getContent());
        assertThat(link.find()).isTrue();
        var before = database.take();

        assertRefused(
                Kind.INVALID, "password", "password.tooShort", () -> accounts.resetPassword(link.group(1), "short"));

        database.assertUnchangedSince(before);
        assertThat(accounts.resetTokenUsable(link.group(1))).isTrue();
    }

    // ---- roles inside the subtree ---------------------------------------------------------------

    @Test
    void grantsAndRevokesRolesInsideTheSubtree() {
        String login = fixture.account(fixture.territorialA2(), Role.INFO_WORKER);
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(login, () -> organizations.get(fixture.territorialA1())));

        RoleGrantView grant =
                actors.as(Fixture.ADMIN_A, () -> accounts.grant(fixture.territorialA1(), login, Role.CHAIR));

        assertThat(grant.organizationId()).isEqualTo(fixture.territorialA1());
        assertThat(grant.role()).isEqualTo(Role.CHAIR);
        assertThat(grant.organizationName()).isEqualTo("Котласская городская организация");
        assertThat(actors.as(login, () -> organizations.get(fixture.territorialA1()))
                        .id())
                .isEqualTo(fixture.territorialA1());
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> accounts.grantsIn(fixture.territorialA1(), false, PageRequest.of(0, 50)))
                        .items())
                .extracting(RoleGrantView::id)
                .contains(grant.id());

        actors.run(Fixture.ADMIN_A, () -> accounts.revoke(grant.id()));

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(login, () -> organizations.get(fixture.territorialA1())));
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> accounts.grantsIn(fixture.territorialA1(), true, PageRequest.of(0, 50)))
                        .items())
                .filteredOn(view -> view.id() == grant.id())
                .singleElement()
                .satisfies(view -> assertThat(view.active()).isFalse());
    }

    @Test
    void refusesRoleChangesOutsideTheSubtreeAndChangesNothing() {
        String stranger = fixture.account(fixture.territorialB1(), Role.INFO_WORKER);
        var before = database.take();

        actors.run(Fixture.ADMIN_A, () -> {
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> accounts.grant(fixture.territorialB1(), stranger, Role.CHAIR));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> accounts.grant(fixture.regionB(), Fixture.CHAIR_A, Role.ORG_ADMIN));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> accounts.grant(fixture.union(), Fixture.ADMIN_A, Role.ORG_ADMIN));
            assertRefused(Kind.NOT_FOUND, "account.role.notFound", () -> accounts.revoke(fixture.grantAdminB()));
            assertRefused(Kind.NOT_FOUND, "account.role.notFound", () -> accounts.revoke(fixture.grantMemberB1()));
            assertRefused(Kind.NOT_FOUND, "account.role.notFound", () -> accounts.revoke(Long.MAX_VALUE));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> accounts.grantsIn(fixture.regionB(), true, PageRequest.of(0, 50)));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> accounts.createAccount(
                            fixture.regionB(),
                            new NewAccount(
                                    Fixture.unique("intruder"),
                                    "Чужой Администратор",
                                    null,
                                    Fixture.PASSWORD,
                                    Role.ORG_ADMIN)));
        });

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesRoleChangesToThoseWhoDoNotAdminister() {
        String login = fixture.account(fixture.territorialA2(), Role.INFO_WORKER);
        var before = database.take();

        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.CHAIR_A, () -> accounts.grant(fixture.territorialA2(), login, Role.CHAIR)));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.run(Fixture.CHAIR_A, () -> accounts.revoke(fixture.grantMemberA1())));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(
                        Fixture.INFO_WORKER_A1,
                        () -> accounts.grantsIn(fixture.territorialA1(), false, PageRequest.of(0, 50))));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(
                        Fixture.MEMBER_A1, () -> accounts.grantsIn(fixture.primaryA1(), false, PageRequest.of(0, 50))));

        database.assertUnchangedSince(before);
    }

    @Test
    void grantsUnionAdministrationOnlyAtTheRootAndOnlyByUnionAdministrators() {
        String login = fixture.account(fixture.territorialA2(), Role.INFO_WORKER);
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "role",
                "account.role.unionAdminOnlyAtRoot",
                () -> actors.as(Fixture.ADMIN_A, () -> accounts.grant(fixture.regionA(), login, Role.UNION_ADMIN)));
        assertRefused(
                Kind.INVALID,
                "role",
                "account.role.unionAdminOnlyAtRoot",
                () -> actors.as(Fixture.UNION_ADMIN, () -> accounts.grant(fixture.regionA(), login, Role.UNION_ADMIN)));
        database.assertUnchangedSince(before);

        RoleGrantView grant =
                actors.as(Fixture.UNION_ADMIN, () -> accounts.grant(fixture.union(), login, Role.UNION_ADMIN));
        assertThat(grant.role()).isEqualTo(Role.UNION_ADMIN);
        actors.run(Fixture.UNION_ADMIN, () -> accounts.revoke(grant.id()));
    }

    @Test
    void refusesRevokingOnesOwnAdministratorRole() {
        var before = database.take();

        assertRefused(
                Kind.CONFLICT,
                "account.role.ownAdminRole",
                () -> actors.run(Fixture.ADMIN_A, () -> accounts.revoke(fixture.grantAdminA())));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesARoleAlreadyHeldAndAnUnknownLogin() {
        var before = database.take();

        assertRefused(
                Kind.CONFLICT,
                "account.role.alreadyHeld",
                () -> actors.as(
                        Fixture.ADMIN_A, () -> accounts.grant(fixture.primaryA1(), Fixture.MEMBER_A1, Role.MEMBER)));
        assertRefused(
                Kind.INVALID,
                "login",
                "account.notFound",
                () -> actors.as(
                        Fixture.ADMIN_A, () -> accounts.grant(fixture.primaryA1(), "no.such.login", Role.CHAIR)));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesADuplicateLoginAndBadAccountDataReportingEveryField() {
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "login",
                "account.login.taken",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> accounts.createAccount(
                                fixture.regionA(),
                                new NewAccount(
                                        "A.ADMIN", "Двойник Администратора", null, Fixture.PASSWORD, Role.CHAIR))));
        var refusal = assertRefused(
                Kind.INVALID,
                "login",
                "account.login.format",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> accounts.createAccount(
                                fixture.regionA(), new NewAccount("логин", "", "not-an-email", "short", null))));
        assertThat(refusal.problems())
                .extracting(problem -> problem.field() + ":" + problem.messageKey())
                .contains(
                        "fullName:validation.required",
                        "email:validation.email",
                        "password:password.tooShort",
                        "role:validation.required");

        database.assertUnchangedSince(before);
    }

    @Test
    void stopsARevokedRoleAtTheVeryNextRequest() throws Exception {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Для отзыва роли");
        String login = fixture.account(territorial, Role.ORG_ADMIN);
        var basic = SecurityMockMvcRequestPostProcessors.httpBasic(login, Fixture.PASSWORD);
        mvc.perform(get("/api/v1/organizations/{id}", territorial).with(basic)).andExpect(status().isOk());
        long grant = actors.as(login, accounts::myGrants).getFirst().id();

        actors.run(Fixture.ADMIN_A, () -> accounts.revoke(grant));

        mvc.perform(get("/api/v1/organizations/{id}", territorial).with(basic)).andExpect(status().isNotFound());
        assertRefused(
                Kind.NOT_FOUND, "organization.notFound", () -> actors.as(login, () -> organizations.get(territorial)));
    }

    @Test
    void stopsARevokedRoleInASignedInSessionAtTheNextPage() throws Exception {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Для отзыва в сессии");
        String login = fixture.account(territorial, Role.ORG_ADMIN);
        // Sessions live in the database (Spring Session JDBC) and travel as the SESSION cookie.
        Cookie session = mvc.perform(formLogin("/login").user(login).password(Fixture.PASSWORD))
                .andExpect(authenticated())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/orgs/{id}", territorial).cookie(session)).andExpect(status().isOk());
        long grant = actors.as(login, accounts::myGrants).getFirst().id();

        actors.run(Fixture.ADMIN_A, () -> accounts.revoke(grant));

        mvc.perform(get("/orgs/{id}", territorial).cookie(session)).andExpect(status().isNotFound());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private List<AuditEntry> entries(String login) {
        return actors.as(
                        Fixture.UNION_ADMIN,
                        () -> auditLog.forSubtree(
                                fixture.union(), new AuditFilter(null, login, null, null), PageRequest.of(0, 200)))
                .items();
    }

    private List<String> actions(String login) {
        return entries(login).stream().map(AuditEntry::action).toList();
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESS =
            new java.util.concurrent.atomic.AtomicInteger(1);

    /** A sign-in through the form from an address of its own: the back-off counts per address too. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(
            String login, String password, String address) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .param("username", login)
                .param("password", password)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(from(address));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String nextAddress() {
        return "192.0.2." + ADDRESS.getAndIncrement();
    }
}

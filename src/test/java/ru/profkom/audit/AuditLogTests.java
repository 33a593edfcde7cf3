package ru.profkom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static ru.profkom.support.Fixture.form;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.organizations.BodyKind;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class AuditLogTests {

    private static final Duration PATIENCE = Patience.AFTER_COMMIT;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.jooq.DSLContext dsl;

    @Test
    void storesOnlyActionsThatTheLogNamesAndFilters() {
        actors.run(
                Fixture.ADMIN_A,
                () -> organizations.createChild(
                        fixture.territorialA1(),
                        form(OrganizationKind.PRIMARY, Fixture.unique("ACT"), "ППО для действий")));
        await().atMost(PATIENCE)
                .until(() -> dsl.fetchCount(
                                org.jooq.impl.DSL.table("audit_event"),
                                org.jooq.impl.DSL.field("action").eq(AuditAction.ORGANIZATION_CREATED.name()))
                        > 0);
        java.util.Set<String> known = java.util.Arrays.stream(AuditAction.values())
                .map(AuditAction::name)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(dsl.selectDistinct(org.jooq.impl.DSL.field("action", String.class))
                        .from(org.jooq.impl.DSL.table("audit_event"))
                        .fetch(0, String.class))
                .as("actions stored in the audit log")
                .isNotEmpty()
                .allMatch(known::contains);
    }

    @Test
    void recordsOrganizationChangesForTheAdministratorsOfTheSubtree() {
        String code = Fixture.unique("AUD");
        Organization created = actors.as(
                Fixture.ADMIN_A,
                () -> organizations.createChild(
                        fixture.territorialA1(), form(OrganizationKind.PRIMARY, code, "ППО для журнала")));
        long id = created.id();
        actors.run(
                Fixture.CHAIR_A,
                () -> organizations.update(id, renamed(created.toForm(), "ППО для журнала, новое имя")));
        actors.run(
                Fixture.ADMIN_A, () -> organizations.attachBody(id, BodyKind.YOUTH_COUNCIL, "Молодёжный совет", null));
        actors.run(Fixture.ADMIN_A, () -> organizations.liquidate(id, null));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(about(Fixture.ADMIN_A, fixture.regionA(), id))
                        .extracting(AuditEntry::action)
                        .containsExactlyInAnyOrder(
                                "ORGANIZATION_CREATED",
                                "ORGANIZATION_UPDATED",
                                "BODY_ATTACHED",
                                "ORGANIZATION_LIQUIDATED"));
        List<AuditEntry> entries = about(Fixture.ADMIN_A, fixture.regionA(), id);
        assertThat(entries)
                .filteredOn(entry -> entry.action().equals("ORGANIZATION_UPDATED"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorLogin()).isEqualTo(Fixture.CHAIR_A);
                    assertThat(entry.details()).contains("ППО для журнала, новое имя");
                });
        assertThat(entries)
                .filteredOn(entry -> entry.action().equals("ORGANIZATION_CREATED"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorLogin()).isEqualTo(Fixture.ADMIN_A);
                    assertThat(entry.remoteAddress()).isNotBlank();
                    assertThat(entry.details()).contains(code);
                });
        assertThat(about(Fixture.UNION_ADMIN, fixture.union(), id)).hasSize(4);
        assertThat(about(Fixture.ADMIN_A, fixture.territorialA2(), id)).isEmpty();
        assertThat(about(Fixture.ADMIN_B, fixture.regionB(), id)).isEmpty();
    }

    @Test
    void recordsRoleGrantsAndRevocationsInTheOrganization() {
        String login = fixture.account(fixture.territorialA2(), Role.INFO_WORKER);
        RoleGrantView grant =
                actors.as(Fixture.ADMIN_A, () -> accounts.grant(fixture.territorialA1(), login, Role.CHAIR));
        actors.run(Fixture.ADMIN_A, () -> accounts.revoke(grant.id()));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(entries(
                                Fixture.ADMIN_A,
                                fixture.territorialA1(),
                                new AuditFilter(null, Fixture.ADMIN_A, null, null)))
                        .filteredOn(entry ->
                                grant.id() == nullToZero(entry.targetId()) && "ROLE_GRANT".equals(entry.targetType()))
                        .extracting(AuditEntry::action)
                        .containsExactlyInAnyOrder("ROLE_GRANTED", "ROLE_REVOKED"));
        assertThat(entries(Fixture.ADMIN_A, fixture.territorialA1(), new AuditFilter("ROLE_GRANTED", null, null, null)))
                .filteredOn(entry -> grant.id() == nullToZero(entry.targetId()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains(login));
        assertThat(entries(Fixture.ADMIN_B, fixture.regionB(), AuditFilter.none()))
                .noneMatch(entry -> entry.details() != null && entry.details().contains(login));
    }

    @Test
    void recordsSignInsAndFailedSignInsUnderTheAccountsOrganization() throws Exception {
        String login = fixture.account(fixture.primaryA1(), Role.CHAIR);
        String stranger = Fixture.unique("nobody");

        mvc.perform(formLogin("/login").user(login).password("not-the-password"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(login).password(Fixture.PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(stranger).password("whatever")).andExpect(unauthenticated());

        AuditFilter byLogin = new AuditFilter(null, login, null, null);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(entries(Fixture.ADMIN_A, fixture.regionA(), byLogin))
                        .extracting(AuditEntry::action)
                        .containsExactlyInAnyOrder("SIGN_IN_FAILED", "SIGNED_IN"));
        assertThat(entries(Fixture.ADMIN_A, fixture.regionA(), byLogin)).allSatisfy(entry -> {
            assertThat(entry.organizationId()).isEqualTo(fixture.primaryA1());
            assertThat(entry.remoteAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(entries(Fixture.ADMIN_B, fixture.regionB(), byLogin)).isEmpty();
        // A failed sign-in with an unknown login belongs to no organization: only the union sees it.
        AuditFilter byStranger = new AuditFilter("SIGN_IN_FAILED", stranger, null, null);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(entries(Fixture.UNION_ADMIN, fixture.union(), byStranger))
                        .hasSize(1));
        assertThat(entries(Fixture.ADMIN_A, fixture.regionA(), byStranger)).isEmpty();
    }

    @Test
    void takesTheHistoryAlongWhenTheSubtreeMoves() {
        long territorial = actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.createChild(
                                fixture.regionA(),
                                form(OrganizationKind.TERRITORIAL, Fixture.unique("MOV"), "Переезжающая с журналом")))
                .id();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(about(Fixture.ADMIN_A, fixture.regionA(), territorial))
                        .hasSize(1));

        actors.run(Fixture.UNION_ADMIN, () -> organizations.move(territorial, fixture.regionB()));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(about(Fixture.ADMIN_B, fixture.regionB(), territorial))
                        .extracting(AuditEntry::action)
                        .containsExactlyInAnyOrder("ORGANIZATION_CREATED", "ORGANIZATION_MOVED"));
        assertThat(about(Fixture.ADMIN_A, fixture.regionA(), territorial)).isEmpty();
    }

    @Test
    void refusesTheLogOutsideTheSubtreeAndToThoseWhoDoNotAdminister() {
        AuditFilter none = AuditFilter.none();
        PageRequest page = PageRequest.of(0, 10);

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> auditLog.forSubtree(fixture.regionA(), none, page)));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_A, () -> auditLog.forSubtree(fixture.union(), none, page)));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.CHAIR_A, () -> auditLog.forSubtree(fixture.regionA(), none, page)));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(
                        Fixture.INFO_WORKER_A1, () -> auditLog.forSubtree(fixture.territorialA1(), none, page)));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.MEMBER_A1, () -> auditLog.forSubtree(fixture.primaryA1(), none, page)));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_A, () -> {
                    auditLog.exportSubtree(fixture.regionB(), none, entry -> {});
                    return null;
                }));
    }

    @Test
    void filtersByActionLoginAndPeriod() {
        long id = fixture.organization(fixture.territorialA2(), OrganizationKind.PRIMARY, "ППО для фильтров");
        Organization card = actors.asSystem(() -> organizations.get(id));
        actors.run(Fixture.ADMIN_A, () -> organizations.update(id, renamed(card.toForm(), "ППО для фильтров 2")));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(about(Fixture.ADMIN_A, fixture.territorialA2(), id))
                        .hasSize(2));

        assertThat(entries(
                        Fixture.ADMIN_A,
                        fixture.territorialA2(),
                        new AuditFilter("ORGANIZATION_UPDATED", null, today, today)))
                .filteredOn(entry -> entry.organizationId() == id)
                .hasSize(1);
        assertThat(entries(Fixture.ADMIN_A, fixture.territorialA2(), new AuditFilter(null, "A.ADMIN", null, null)))
                .filteredOn(entry -> entry.organizationId() == id)
                .extracting(AuditEntry::action)
                .containsExactly("ORGANIZATION_UPDATED");
        assertThat(entries(
                        Fixture.ADMIN_A,
                        fixture.territorialA2(),
                        new AuditFilter(null, null, today.minusDays(3), today.minusDays(1))))
                .filteredOn(entry -> entry.organizationId() == id)
                .isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private List<AuditEntry> entries(String login, long organizationId, AuditFilter filter) {
        return actors.as(login, () -> auditLog.forSubtree(organizationId, filter, PageRequest.of(0, 200)))
                .items();
    }

    private List<AuditEntry> about(String login, long subtree, long organizationId) {
        return entries(login, subtree, AuditFilter.none()).stream()
                .filter(entry -> entry.organizationId() != null && entry.organizationId() == organizationId)
                .toList();
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }

    private static OrganizationForm renamed(OrganizationForm form, String shortName) {
        return form.withShortName(shortName);
    }
}

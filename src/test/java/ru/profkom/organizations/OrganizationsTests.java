package ru.profkom.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Fixture.form;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.shared.Inn;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestClock;

@ProfkomIntegrationTest
class OrganizationsTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    TestClock clock;

    // ---- bad input gets a reason and changes nothing ----------------------------------------------

    @Test
    void refusesInvalidInnAndChangesNothing() {
        String valid = Inn.withCheckDigits("770708389");
        String wrongCheckDigit = valid.substring(0, 9) + ((valid.charAt(9) - '0' + 1) % 10);
        OrganizationForm withBadInn = withInn(
                form(OrganizationKind.TERRITORIAL, Fixture.unique("INN"), "Территориальная с неверным ИНН"),
                wrongCheckDigit);
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "inn",
                "validation.inn",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.createChild(fixture.regionA(), withBadInn)));
        assertRefused(
                Kind.INVALID,
                "inn",
                "validation.inn",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.createChild(fixture.regionA(), withInn(withBadInn, "12345"))));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesInvalidEmployerInnOnUpdateAndKeepsTheCard() {
        long id = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Территориальная для правки");
        Organization card = actors.asSystem(() -> organizations.get(id));
        OrganizationForm edited = new OrganizationForm(
                null,
                card.code(),
                card.fullName(),
                "Новое имя",
                null,
                null,
                null,
                null,
                null,
                "Больница",
                "1234567890",
                100,
                null,
                null,
                card.version());
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "employerInn",
                "validation.inn",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.update(id, edited)));

        database.assertUnchangedSince(before);
        assertThat(actors.asSystem(() -> organizations.get(id))).isEqualTo(card);
    }

    @Test
    void refusesDuplicateCodeIgnoringCaseAndChangesNothing() {
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "code",
                "organization.code.taken",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.createChild(
                                fixture.regionA(), form(OrganizationKind.TERRITORIAL, "ter-a2", "Ещё одна Вельская"))));

        long other = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Территориальная с кодом");
        Organization card = actors.asSystem(() -> organizations.get(other));
        var beforeUpdate = database.take();
        assertRefused(
                Kind.INVALID,
                "code",
                "organization.code.taken",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.update(other, withCode(card.toForm(), "TER-A1"))));
        database.assertUnchangedSince(beforeUpdate);
        assertThat(before.rowsByTable().get("organization"))
                .hasSize(database.take().rowsByTable().get("organization").size() - 1);
    }

    @Test
    void refusesOverLongNamesReportingEveryFieldAndChangesNothing() {
        OrganizationForm tooLong = new OrganizationForm(
                OrganizationKind.TERRITORIAL,
                Fixture.unique("LONG"),
                "Д".repeat(501),
                "К".repeat(201),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        var before = database.take();

        var refusal = assertRefused(
                Kind.INVALID,
                "shortName",
                "validation.tooLong",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.createChild(fixture.regionA(), tooLong)));

        assertThat(refusal.problems()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo("fullName");
            assertThat(problem.messageKey()).isEqualTo("validation.tooLong");
            assertThat(problem.arguments()).containsExactly(500, 501);
        });
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesMoveUnderOwnDescendantAndChangesNothing() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Переносимая");
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО внутри переносимой");
        long shop = fixture.organization(primary, OrganizationKind.SHOP, "Цех внутри ППО");
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "newParentId",
                "organization.move.intoOwnSubtree",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.move(territorial, shop)));
        assertRefused(
                Kind.INVALID,
                "newParentId",
                "organization.move.intoOwnSubtree",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.move(territorial, territorial)));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesLiquidationWithActiveMembersUntilTheyLeave() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО с членами");
        String member = fixture.account(primary, Role.MEMBER);
        var before = database.take();

        assertRefused(
                Kind.CONFLICT,
                "organization.liquidate.members",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.liquidate(primary, null)));
        database.assertUnchangedSince(before);

        long grant = memberGrant(primary, member);
        actors.run(Fixture.ADMIN_A, () -> accounts.revoke(grant));
        Organization liquidated = actors.as(Fixture.ADMIN_A, () -> organizations.liquidate(primary, null));

        assertThat(liquidated.status()).isEqualTo(OrganizationStatus.LIQUIDATED);
        assertThat(liquidated.liquidatedOn()).isEqualTo(LocalDate.now(MOSCOW));
    }

    @Test
    void refusesLiquidationWithActiveChildrenUntilTheyClose() {
        long territorial =
                fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Территориальная с ППО");
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "Последняя ППО");
        var before = database.take();

        var refusal = assertRefused(
                Kind.CONFLICT,
                "organization.liquidate.children",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.liquidate(territorial, null)));
        assertThat(refusal.problems().getFirst().arguments()).containsExactly(1);
        database.assertUnchangedSince(before);

        actors.run(Fixture.ADMIN_A, () -> organizations.liquidate(primary, null));
        assertThat(actors.as(Fixture.ADMIN_A, () -> organizations.liquidate(territorial, null))
                        .status())
                .isEqualTo(OrganizationStatus.LIQUIDATED);
    }

    @Test
    void refusesLiquidationDatedInTheFutureAndOfTheRoot() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО без будущего");
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "date",
                "organization.liquidate.future",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.liquidate(
                                primary, LocalDate.now(MOSCOW).plusDays(2))));
        assertRefused(
                Kind.INVALID,
                "organization.liquidate.root",
                () -> actors.as(Fixture.UNION_ADMIN, () -> organizations.liquidate(fixture.union(), null)));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesChildOfForgedParentOutsideTheSubtreeAndChangesNothing() {
        var before = database.take();

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.createChild(
                                fixture.territorialB1(),
                                form(OrganizationKind.PRIMARY, Fixture.unique("FORGED"), "ППО в чужом регионе"))));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.createChild(
                                Long.MAX_VALUE,
                                form(OrganizationKind.PRIMARY, Fixture.unique("FORGED"), "ППО в пустоте"))));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesKindThatDoesNotFitTheParent() {
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "kind",
                "organization.kindNotAllowed",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> organizations.createChild(
                                fixture.primaryA1(),
                                form(OrganizationKind.REGIONAL, Fixture.unique("KIND"), "Регион в ППО"))));

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesStaleVersionAndKeepsTheFirstEdit() {
        long id = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Территориальная для двоих");
        Organization seen = actors.asSystem(() -> organizations.get(id));
        OrganizationForm first = renamed(seen.toForm(), "Правка первого");
        OrganizationForm second = renamed(seen.toForm(), "Правка второго");

        Organization afterFirst = actors.as(Fixture.ADMIN_A, () -> organizations.update(id, first));
        var before = database.take();
        assertRefused(
                Kind.CONFLICT,
                "organization.changedMeanwhile",
                () -> actors.as(Fixture.CHAIR_A, () -> organizations.update(id, second)));

        database.assertUnchangedSince(before);
        assertThat(afterFirst.version()).isEqualTo(seen.version() + 1);
        assertThat(actors.asSystem(() -> organizations.get(id)).shortName()).isEqualTo("Правка первого");
    }

    // ---- moves, history, merges -----------------------------------------------------------------

    @Test
    void rewritesPathsOfTheWholeSubtreeOnMove() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Уезжающая");
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО уезжающей");
        long shop = fixture.organization(primary, OrganizationKind.SHOP, "Цех уезжающей");
        Organization regionB = actors.asSystem(() -> organizations.get(fixture.regionB()));

        Organization moved = actors.as(Fixture.UNION_ADMIN, () -> organizations.move(territorial, fixture.regionB()));

        assertThat(moved.parentId()).isEqualTo(fixture.regionB());
        assertThat(moved.path()).isEqualTo(regionB.path() + territorial + "/");
        Organization movedPrimary = actors.asSystem(() -> organizations.get(primary));
        Organization movedShop = actors.asSystem(() -> organizations.get(shop));
        assertThat(movedPrimary.path()).isEqualTo(regionB.path() + territorial + "/" + primary + "/");
        assertThat(movedShop.path()).isEqualTo(movedPrimary.path() + shop + "/");
        assertThat(List.of(moved.depth(), movedPrimary.depth(), movedShop.depth()))
                .containsExactly(2, 3, 4);
        assertThat(actors.as(Fixture.ADMIN_B, () -> organizations.get(shop)).id())
                .isEqualTo(shop);
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.get(shop)));
    }

    @Test
    void keepsPlacementHistoryOnMove() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО с историей");

        actors.run(Fixture.ADMIN_A, () -> organizations.move(primary, fixture.territorialA2()));

        List<Placement> history = actors.as(Fixture.ADMIN_A, () -> organizations.placementHistory(primary));
        assertThat(history).hasSize(2);
        Placement current = history.get(0);
        Placement previous = history.get(1);
        assertThat(current.parentId()).isEqualTo(fixture.territorialA2());
        assertThat(current.validTo()).isNull();
        assertThat(previous.parentId()).isEqualTo(fixture.territorialA1());
        assertThat(previous.validTo()).isEqualTo(current.validFrom());
        assertThat(current.changedBy()).isNotNull();
    }

    @Test
    void showsTheOldBreadcrumbsForADateBeforeTheMove() {
        long[] chain = clock.shiftedBy(Duration.ofDays(-10), () -> {
            long region =
                    fixture.organization(fixture.union(), OrganizationKind.REGIONAL, "Регион десятидневной давности");
            long territorial = fixture.organization(region, OrganizationKind.TERRITORIAL, "Территориальная той поры");
            long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО, переехавшая недавно");
            return new long[] {region, territorial, primary};
        });
        long primary = chain[2];
        actors.run(Fixture.UNION_ADMIN, () -> organizations.move(primary, fixture.territorialB1()));
        LocalDate today = LocalDate.now(MOSCOW);

        List<Crumb> before =
                actors.as(Fixture.UNION_ADMIN, () -> organizations.breadcrumbsAt(primary, today.minusDays(5)));
        List<Crumb> now = actors.as(Fixture.UNION_ADMIN, () -> organizations.breadcrumbsAt(primary, today));
        List<Crumb> beforeCreation =
                actors.as(Fixture.UNION_ADMIN, () -> organizations.breadcrumbsAt(primary, today.minusDays(20)));

        assertThat(before).extracting(Crumb::id).containsExactly(fixture.union(), chain[0], chain[1], primary);
        assertThat(now)
                .extracting(Crumb::id)
                .containsExactly(fixture.union(), fixture.regionB(), fixture.territorialB1(), primary);
        assertThat(beforeCreation).isEmpty();
        // Admins of the old place no longer see the organization, not even its past.
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.breadcrumbsAt(primary, today.minusDays(5))));
    }

    @Test
    void mergeMovesTheChildrenAndClosesTheSource() {
        long source = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Присоединяемая");
        long target = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Принимающая");
        long first = fixture.organization(source, OrganizationKind.PRIMARY, "Первая ППО");
        long second = fixture.organization(source, OrganizationKind.PRIMARY, "Вторая ППО");
        long shop = fixture.organization(second, OrganizationKind.SHOP, "Цех второй ППО");
        long own = fixture.organization(target, OrganizationKind.PRIMARY, "Своя ППО");

        Organization merged = actors.as(Fixture.ADMIN_A, () -> organizations.merge(source, target));

        assertThat(merged.id()).isEqualTo(target);
        Organization closed = actors.asSystem(() -> organizations.get(source));
        assertThat(closed.status()).isEqualTo(OrganizationStatus.MERGED);
        assertThat(closed.mergedIntoId()).isEqualTo(target);
        assertThat(actors.as(Fixture.ADMIN_A, () -> organizations.children(target, true, PageRequest.of(0, 50)))
                        .items())
                .extracting(OrganizationNode::id)
                .containsExactlyInAnyOrder(first, second, own);
        assertThat(actors.as(Fixture.ADMIN_A, () -> organizations.children(source, true, PageRequest.of(0, 50)))
                        .items())
                .isEmpty();
        assertThat(actors.asSystem(() -> organizations.get(shop)).path())
                .isEqualTo(merged.path() + second + "/" + shop + "/");
        assertThat(actors.asSystem(() -> organizations.placementHistory(first)))
                .extracting(Placement::parentId)
                .containsExactly(target, source);
    }

    @Test
    void refusesMergingRelatedOrDifferentKindsAndChangesNothing() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Слияние: верх");
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "Слияние: низ");
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "targetId",
                "organization.merge.related",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.merge(territorial, primary)));
        assertRefused(
                Kind.INVALID,
                "targetId",
                "organization.merge.kinds",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.merge(primary, fixture.territorialA2())));
        assertRefused(
                Kind.INVALID,
                "targetId",
                "organization.merge.same",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.merge(primary, primary)));

        database.assertUnchangedSince(before);
    }

    // ---- scope ----------------------------------------------------------------------------------

    @Test
    void hidesEverythingOutsideTheActorsSubtree() {
        long outside = fixture.primaryB1();
        var before = database.take();

        actors.run(Fixture.ADMIN_A, () -> {
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.get(outside));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.breadcrumbs(outside));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.breadcrumbsAt(outside, LocalDate.now(MOSCOW)));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.placementHistory(outside));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.bodies(outside));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.children(fixture.regionB(), true, PageRequest.of(0, 50)));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.get(fixture.union()));
            assertThat(organizations.canRead(outside)).isFalse();
            assertThat(organizations.canManage(outside)).isFalse();
        });

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesChangesOutsideTheActorsSubtreeAndChangesNothing() {
        Organization outside = actors.asSystem(() -> organizations.get(fixture.primaryB1()));
        var before = database.take();

        actors.run(Fixture.ADMIN_A, () -> {
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.update(outside.id(), renamed(outside.toForm(), "Захвачено")));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.move(outside.id(), fixture.territorialA1()));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.move(fixture.primaryA1(), fixture.territorialB1()));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.merge(fixture.territorialA2(), fixture.territorialB1()));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.merge(fixture.territorialB1(), fixture.territorialA2()));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.liquidate(outside.id(), null));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.attachBody(outside.id(), BodyKind.COMMISSION, "Чужая комиссия", null));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> organizations.detachBody(outside.id(), fixture.bodyB1()));
            // A body of another organization does not become reachable through one's own organization.
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.body.notFound",
                    () -> organizations.detachBody(fixture.primaryA1(), fixture.bodyB1()));
        });

        database.assertUnchangedSince(before);
    }

    @Test
    void refusesMovingAnOrganizationOutOfAPlaceTheActorDoesNotAdminister() {
        long mine = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО под чужим админом");
        String territorialAdmin = fixture.account(fixture.territorialA2(), Role.ORG_ADMIN);
        var before = database.take();

        // The admin of A2 may not pull an organization out of A1, which they do not administer.
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(territorialAdmin, () -> organizations.move(mine, fixture.territorialA2())));

        database.assertUnchangedSince(before);
    }

    @Test
    void findsNothingOutsideTheActorsSubtree() {
        var regionB =
                actors.as(Fixture.ADMIN_A, () -> organizations.search(Fixture.REGION_B_NAME, PageRequest.of(0, 50)));
        var primaryB = actors.as(Fixture.ADMIN_A, () -> organizations.search("Распадская", PageRequest.of(0, 50)));
        var everything = actors.as(Fixture.ADMIN_A, () -> organizations.search("", PageRequest.of(0, 200)));
        var sameSearchByB = actors.as(Fixture.ADMIN_B, () -> organizations.search("Распадская", PageRequest.of(0, 50)));

        assertThat(regionB.items()).isEmpty();
        assertThat(primaryB.items()).isEmpty();
        assertThat(everything.items())
                .extracting(OrganizationNode::id)
                .contains(fixture.regionA(), fixture.primaryA1())
                .doesNotContain(fixture.union(), fixture.regionB(), fixture.territorialB1(), fixture.primaryB1());
        assertThat(sameSearchByB.items()).extracting(OrganizationNode::id).containsExactly(fixture.primaryB1());
    }

    @Test
    void letsAMemberSeeOnlyTheirOwnOrganization() {
        actors.run(Fixture.MEMBER_A1, () -> {
            assertThat(organizations.get(fixture.primaryA1()).id()).isEqualTo(fixture.primaryA1());
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.get(fixture.territorialA1()));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.get(fixture.regionA()));
            assertRefused(Kind.NOT_FOUND, "organization.notFound", () -> organizations.get(fixture.primaryB1()));
            assertThat(organizations.search("", PageRequest.of(0, 200)).items())
                    .extracting(OrganizationNode::id)
                    .containsExactly(fixture.primaryA1());
            assertThat(organizations.scopeRoots())
                    .extracting(OrganizationNode::id)
                    .containsExactly(fixture.primaryA1());
            assertThat(organizations.breadcrumbs(fixture.primaryA1()))
                    .filteredOn(Crumb::readable)
                    .extracting(Crumb::id)
                    .containsExactly(fixture.primaryA1());
            assertRefused(
                    Kind.FORBIDDEN,
                    "access.denied",
                    () -> organizations.update(
                            fixture.primaryA1(),
                            renamed(organizations.get(fixture.primaryA1()).toForm(), "Моя ППО")));
            assertRefused(
                    Kind.FORBIDDEN,
                    "access.denied",
                    () -> organizations.createChild(
                            fixture.primaryA1(), form(OrganizationKind.SHOP, Fixture.unique("SHOP"), "Мой цех")));
        });
    }

    @Test
    void marksAncestorsAboveTheGrantUnreadableInBreadcrumbs() {
        List<Crumb> crumbs = actors.as(Fixture.ADMIN_A, () -> organizations.breadcrumbs(fixture.primaryA1()));

        assertThat(crumbs)
                .extracting(Crumb::id)
                .containsExactly(fixture.union(), fixture.regionA(), fixture.territorialA1(), fixture.primaryA1());
        assertThat(crumbs).extracting(Crumb::readable).containsExactly(false, true, true, true);
    }

    @Test
    void letsCardEditorsEditButOnlyAdministratorsRestructure() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Для председателя");
        Organization card = actors.asSystem(() -> organizations.get(territorial));

        Organization edited = actors.as(
                Fixture.CHAIR_A,
                () -> organizations.update(territorial, renamed(card.toForm(), "Правка председателя")));
        var before = database.take();

        assertThat(edited.shortName()).isEqualTo("Правка председателя");
        actors.run(Fixture.CHAIR_A, () -> {
            assertRefused(Kind.FORBIDDEN, "access.denied", () -> organizations.move(territorial, fixture.regionB()));
            assertRefused(Kind.FORBIDDEN, "access.denied", () -> organizations.liquidate(territorial, null));
            assertRefused(
                    Kind.FORBIDDEN,
                    "access.denied",
                    () -> organizations.createChild(
                            territorial, form(OrganizationKind.PRIMARY, Fixture.unique("PPO"), "ППО председателя")));
        });
        database.assertUnchangedSince(before);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private long memberGrant(long organizationId, String login) {
        return actors.asSystem(() -> accounts.grantsIn(organizationId, false, PageRequest.of(0, 50))).items().stream()
                .filter(grant -> grant.login().equals(login))
                .mapToLong(RoleGrantView::id)
                .findFirst()
                .orElseThrow();
    }

    private static OrganizationForm withInn(OrganizationForm form, String inn) {
        return form.withInn(inn);
    }

    private static OrganizationForm renamed(OrganizationForm form, String shortName) {
        return form.withShortName(shortName);
    }

    private static OrganizationForm withCode(OrganizationForm form, String code) {
        return form.withCode(code);
    }

    @Test
    void refusesAnUpdateThatDoesNotSayWhichVersionItChanges() {
        long id = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Без версии");
        Organization card = actors.asSystem(() -> organizations.get(id));
        var before = database.take();
        assertRefused(
                Kind.INVALID,
                "version",
                "validation.required",
                () -> actors.as(Fixture.ADMIN_A, () -> organizations.update(id, form(null, card.code(), "Новое имя"))));
        database.assertUnchangedSince(before);
    }
}

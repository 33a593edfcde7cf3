package ru.profkom.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class MembershipStatisticsTests {

    @Autowired
    MembershipStatistics statistics;

    @Autowired
    Members members;

    @Autowired
    Organizations organizations;

    @Autowired
    ru.profkom.members.imports.MemberImports imports;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatisticsUpdater updater;

    @Test
    void countsMembersUpTheTreeByCategoryGenderAndYouth() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Тестовая");
        long primary = primary(territorial, 200);
        LocalDate today = today();
        join(primary, Gender.F, today.minusYears(25), LocalDate.of(2020, 3, 10), Category.WORKER);
        join(primary, Gender.M, today.minusYears(50), LocalDate.of(2021, 5, 1), Category.PENSIONER);
        join(primary, null, null, LocalDate.of(2022, 1, 1), Category.STUDENT);
        StatisticsSettled.await(jdbc);

        MembershipFigures figures = actors.as(Fixture.ADMIN_A, () -> statistics.figures(territorial, today));

        assertThat(figures.members()).isEqualTo(3);
        assertThat(figures.category(Category.WORKER)).isEqualTo(1);
        assertThat(figures.category(Category.PENSIONER)).isEqualTo(1);
        assertThat(figures.category(Category.STUDENT)).isEqualTo(1);
        assertThat(figures.women()).isEqualTo(1);
        assertThat(figures.men()).isEqualTo(1);
        assertThat(figures.genderUnknown()).isEqualTo(1);
        assertThat(figures.youth()).isEqualTo(1);
        assertThat(figures.headcount()).isEqualTo(200);
        assertThat(figures.membershipLevel()).isEqualTo(1.5);
        MembershipFigures earlier =
                actors.as(Fixture.ADMIN_A, () -> statistics.figures(territorial, LocalDate.of(2021, 4, 30)));
        assertThat(earlier.members()).isEqualTo(1);
    }

    @Test
    void countsExitsByReasonAndTransfersInAndOut() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Тестовая");
        long first = primary(territorial, 0);
        long second = primary(territorial, 0);
        LocalDate today = today();
        Member leaving = join(first, Gender.F, LocalDate.of(1980, 1, 1), LocalDate.of(2020, 1, 1), Category.WORKER);
        Member moving = join(first, Gender.M, LocalDate.of(1985, 1, 1), LocalDate.of(2020, 1, 1), Category.WORKER);
        actors.run(Fixture.ADMIN_A, () -> members.exit(membershipOf(leaving), ExitReason.RETIREMENT, today));
        actors.run(Fixture.ADMIN_A, () -> members.transfer(membershipOf(moving), second, today));
        StatisticsSettled.await(jdbc);

        MembershipMovement movement =
                actors.as(Fixture.ADMIN_A, () -> statistics.movement(first, today.minusDays(1), today));

        assertThat(movement.exited(ExitReason.RETIREMENT)).isEqualTo(1);
        assertThat(movement.transfersOut()).isEqualTo(1);
        assertThat(movement.joined()).isZero();
        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics.movement(second, today, today).transfersIn()))
                .isEqualTo(1);
        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics.figures(territorial, today).members()))
                .isEqualTo(1);
        assertThat(actors.as(
                        Fixture.ADMIN_A, () -> statistics.figures(first, today).members()))
                .isZero();
    }

    @Test
    void followsCategoryChangesAndSubtreeMovesAndAgreesWithTheRecount() {
        long from = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Откуда");
        long to = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Куда");
        long primary = primary(from, 100);
        Member member = join(primary, Gender.F, LocalDate.of(1999, 9, 9), LocalDate.of(2023, 2, 2), Category.WORKER);
        actors.run(Fixture.ADMIN_A, () -> members.changeCategory(membershipOf(member), Category.STUDENT));
        actors.run(Fixture.ADMIN_A, () -> organizations.move(primary, to));
        StatisticsSettled.await(jdbc);

        MembershipFigures figures = actors.as(Fixture.ADMIN_A, () -> statistics.figures(to, today()));
        assertThat(figures.members()).isEqualTo(1);
        assertThat(figures.category(Category.STUDENT)).isEqualTo(1);
        assertThat(figures.category(Category.WORKER)).isZero();
        assertThat(figures.headcount()).isEqualTo(100);
        assertThat(actors.as(
                        Fixture.ADMIN_A, () -> statistics.figures(from, today()).members()))
                .isZero();
        RecountReport report = actors.as(Fixture.UNION_ADMIN, () -> statistics.recount());
        assertThat(report.differences()).isEmpty();
        assertThat(report.memberships()).isPositive();
    }

    @Test
    void countsTheMembersOfImportsWhoseChunksAreSummedIntoOneBatch() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Импортная");
        long first = primary(territorial, 0);
        long second = primary(territorial, 0);
        LocalDate today = today();
        String surname = "Импортова" + Fixture.next();
        String csv = "Фамилия;Имя;Отчество;Дата рождения;Пол;Дата вступления\n"
                + surname + ";Анна;Ивановна;01.02.1990;ж;10.03.2020\n"
                + surname + ";Мария;Ивановна;01.02.1960;ж;10.03.2020\n"
                + surname + ";Пётр;Иванович;01.02.2000;м;11.03.2021\n";
        // Two imports applied at once: their chunks' events queue up and are summed together.
        long firstImport = actors.as(
                Fixture.ADMIN_A,
                () -> imports.upload(first, "a.csv", bytes(csv)).id());
        long secondImport = actors.as(
                Fixture.ADMIN_A,
                () -> imports.upload(second, "b.csv", bytes(csv.replace(surname, surname + "а")))
                        .id());
        actors.run(Fixture.ADMIN_A, () -> imports.apply(firstImport));
        actors.run(Fixture.ADMIN_A, () -> imports.apply(secondImport));
        org.awaitility.Awaitility.await()
                .atMost(ru.profkom.support.Patience.AFTER_COMMIT)
                .until(() -> actors.as(
                        Fixture.ADMIN_A,
                        () -> imports.get(firstImport).finished()
                                && imports.get(secondImport).finished()));
        StatisticsSettled.await(jdbc);

        MembershipFigures figures = actors.as(Fixture.ADMIN_A, () -> statistics.figures(territorial, today));
        assertThat(figures.members()).isEqualTo(6);
        assertThat(figures.women()).isEqualTo(4);
        assertThat(figures.men()).isEqualTo(2);
        assertThat(figures.youth()).isEqualTo(2);
        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics
                                .figures(territorial, LocalDate.of(2020, 12, 31))
                                .members()))
                .isEqualTo(4);
        assertThat(actors.as(
                        Fixture.ADMIN_A, () -> statistics.figures(first, today).members()))
                .isEqualTo(3);
        RecountReport report = actors.as(Fixture.UNION_ADMIN, () -> statistics.recount());
        assertThat(report.differences()).isEmpty();
    }

    @Test
    void writesChangesOfThousandsOfRowsAtOnceAsAnImportDoes() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Крупная");
        long primary = primary(territorial, 0);
        // 1,500 joins on as many days: with the ancestors, thousands of day rows in one write, more than
        // one upsert statement holds on PostgreSQL and more than H2 parsed in one (its stack overflowed).
        Changes changes = new Changes();
        LocalDate first = LocalDate.of(2000, 1, 1);
        for (int day = 0; day < 1_500; day++) {
            changes.add(primary, first.plusDays(day), Changes.MEMBERS, 1);
        }
        updater.apply(changes);
        Changes oneMore = new Changes();
        oneMore.add(primary, first.plusDays(1_499), Changes.MEMBERS, 1);
        updater.apply(oneMore);

        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics
                                .figures(territorial, first.plusDays(1_500))
                                .members()))
                .isEqualTo(1_501);
        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics
                                .figures(territorial, first.plusDays(749))
                                .members()))
                .isEqualTo(750);

        // No membership is behind these counters: taken back, so that recounts in other tests agree.
        Changes takenBack = new Changes();
        for (int day = 0; day < 1_500; day++) {
            takenBack.add(primary, first.plusDays(day), Changes.MEMBERS, day == 1_499 ? -2 : -1);
        }
        updater.apply(takenBack);
        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics
                                .figures(territorial, first.plusDays(1_500))
                                .members()))
                .isZero();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aRecountReportsCountersThatWentWrongAndRepairsThem() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Сбойная");
        long primary = primary(territorial, 0);
        join(primary, Gender.F, LocalDate.of(1980, 1, 1), LocalDate.of(2019, 4, 1), Category.WORKER);
        StatisticsSettled.await(jdbc);
        jdbc.update("update stat_day set members = members + 5 where organization_id = ?", primary);
        jdbc.update("update stat_month set members = members + 5 where organization_id = ?", primary);
        jdbc.update("delete from stat_day where organization_id = ?", territorial);
        jdbc.update("delete from stat_month where organization_id = ?", territorial);

        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics.figures(primary, today()).members()))
                .isEqualTo(6);
        RecountReport repaired = actors.as(Fixture.UNION_ADMIN, () -> statistics.recount());

        assertThat(repaired.differences())
                .anySatisfy(line ->
                        assertThat(line).contains("organization " + primary).contains("members +5"));
        assertThat(actors.as(
                        Fixture.ADMIN_A,
                        () -> statistics.figures(primary, today()).members()))
                .isEqualTo(1);
        assertThat(actors.as(Fixture.UNION_ADMIN, () -> statistics.recount().differences()))
                .isEmpty();
    }

    @Test
    void drillsDownIntoChildrenAndDrawsAMonthlySeries() {
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Тестовая");
        long primary = primary(territorial, 0);
        LocalDate today = today();
        join(primary, Gender.F, LocalDate.of(1990, 1, 1), today.minusMonths(2), Category.WORKER);
        StatisticsSettled.await(jdbc);

        var children =
                actors.as(Fixture.ADMIN_A, () -> statistics.childrenFigures(territorial, today, PageRequest.of(0, 10)));
        var series =
                actors.as(Fixture.ADMIN_A, () -> statistics.monthlySeries(territorial, today.minusMonths(3), today));

        assertThat(children.items()).singleElement().satisfies(child -> {
            assertThat(child.organizationId()).isEqualTo(primary);
            assertThat(child.figures().members()).isEqualTo(1);
        });
        assertThat(series).hasSize(4);
        assertThat(series.getFirst().members()).isZero();
        assertThat(series.getLast().members()).isEqualTo(1);
        assertThat(series.stream().mapToLong(MonthlyPoint::joined).sum()).isEqualTo(1);
    }

    @Test
    void showsStatisticsToStaffAboveAndBelowAndToNoOneElse() {
        assertThat(actors.as(Fixture.INFO_WORKER_A1, () -> statistics.canRead(fixture.regionA())))
                .isTrue();
        assertThat(actors.as(Fixture.ADMIN_A, () -> statistics.canRead(fixture.primaryA1())))
                .isTrue();
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> statistics.figures(fixture.regionA(), today())));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.MEMBER_A1, () -> statistics.figures(fixture.primaryA1(), today())));
        assertRefused(Kind.FORBIDDEN, "access.denied", () -> actors.as(Fixture.ADMIN_A, () -> statistics.recount()));
    }

    @Test
    void refusesAFutureDateAndAReversedPeriod() {
        assertRefused(
                Kind.INVALID,
                "date",
                "statistics.date.future",
                () -> actors.as(Fixture.ADMIN_A, () -> statistics.figures(fixture.regionA(), today().plusDays(1))));
        assertRefused(
                Kind.INVALID,
                "from",
                "statistics.period.reversed",
                () -> actors.as(
                        Fixture.ADMIN_A, () -> statistics.movement(fixture.regionA(), today(), today().minusDays(1))));
    }

    private long primary(long parent, int headcount) {
        return fixture.primary(parent, null, headcount);
    }

    private Member join(long primary, Gender gender, LocalDate birthDate, LocalDate joinedOn, Category category) {
        String surname = "Статистикова" + Fixture.next();
        PersonData person = new PersonData(surname, "Анна", null, birthDate, gender, null, null, null, null, null);
        return actors.as(
                Fixture.ADMIN_A,
                () -> members.register(
                        primary, person, new MembershipData(MembershipStatus.ACTIVE, joinedOn, null, category)));
    }

    private static long membershipOf(Member member) {
        return member.memberships().getFirst().id();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Moscow"));
    }
}

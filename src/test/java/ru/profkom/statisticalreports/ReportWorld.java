package ru.profkom.statisticalreports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.statistics.StatisticsSettled;
import ru.profkom.support.Fixture;

/**
 * A region of its own for one test, so that what other tests accept never enters its sums:
 *
 * <pre>
 * region            (regionAdmin)
 * └── territorial   (territorialAdmin)
 *     ├── primary   (chair, member; headcount 300)
 *     │   └── shop
 *     └── second    (headcount 100)
 * </pre>
 *
 * In the last ended year Y the primary organization's subtree counts 7 members on 31 December: 4 working, 1
 * pensioner, 1 student, 1 unemployed, 4 women; 3 joined during Y (one of them in the shop) and 1 left at their
 * own wish; one more left this year and one joined this year, neither changing Y. Its union roles at the end of
 * Y: a chair, two members of the elected body and an information worker (in the shop); an activist's term ended
 * during Y. The second primary organization has 2 members who joined before Y.
 */
public record ReportWorld(
        int year,
        long region,
        long territorial,
        long primary,
        long shop,
        long second,
        String regionAdmin,
        String territorialAdmin,
        String chair,
        String member) {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    public static ReportWorld build(Fixture fixture, Members members, JdbcTemplate jdbc) {
        int year = LocalDate.now(ZoneId.of("Europe/Moscow")).getYear() - 1;
        String label = Fixture.unique("Г");
        long region = fixture.organization(fixture.union(), OrganizationKind.REGIONAL, "Отчётная областная " + label);
        long territorial = fixture.organization(region, OrganizationKind.TERRITORIAL, "Отчётная городская " + label);
        long primary = fixture.primary(territorial, "ППО отчётной больницы " + label, 300);
        long shop = fixture.organization(primary, OrganizationKind.SHOP, "Цех отчётной больницы " + label);
        long second = fixture.primary(territorial, "ППО отчётной поликлиники " + label, 100);
        ReportWorld world = new ReportWorld(
                year,
                region,
                territorial,
                primary,
                shop,
                second,
                fixture.account(region, Role.ORG_ADMIN),
                fixture.account(territorial, Role.ORG_ADMIN),
                fixture.account(primary, Role.CHAIR),
                fixture.account(primary, Role.MEMBER));
        CurrentActor.asSystem(() -> world.register(members));
        StatisticsSettled.await(jdbc);
        return world;
    }

    /** The hand lines of a report: trained activists, collective agreements and the employees they cover. */
    public static Map<ReportLine, Long> handLines(long trained, long agreements, long covered) {
        Map<ReportLine, Long> lines = new EnumMap<>(ReportLine.class);
        lines.put(ReportLine.TRAINED_ACTIVISTS, trained);
        lines.put(ReportLine.COLLECTIVE_AGREEMENTS, agreements);
        lines.put(ReportLine.COVERED_BY_AGREEMENTS, covered);
        return lines;
    }

    private void register(Members members) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        LocalDate before = LocalDate.of(2020, 2, 3);
        Member young = join(members, primary, Gender.F, LocalDate.of(year - 25, 4, 1), before, Category.WORKER);
        join(members, primary, Gender.M, LocalDate.of(1950, 6, 1), before, Category.PENSIONER);
        join(members, primary, Gender.F, LocalDate.of(year - 20, 4, 1), before, Category.STUDENT);
        Member leaving = join(members, primary, Gender.F, LocalDate.of(1980, 5, 5), before, Category.WORKER);
        Member leavingLater = join(members, primary, Gender.M, LocalDate.of(1975, 7, 7), before, Category.WORKER);
        Member chair =
                join(members, primary, Gender.F, LocalDate.of(1970, 1, 1), LocalDate.of(year, 3, 1), Category.WORKER);
        join(members, primary, Gender.M, LocalDate.of(1985, 8, 8), LocalDate.of(year, 5, 10), Category.UNEMPLOYED);
        Member informer =
                join(members, shop, Gender.F, LocalDate.of(1999, 9, 9), LocalDate.of(year, 9, 1), Category.WORKER);
        join(members, primary, Gender.M, LocalDate.of(1990, 1, 1), today, Category.WORKER);
        members.exit(membership(leaving), ExitReason.OWN_WISH, LocalDate.of(year, 10, 1));
        members.exit(membership(leavingLater), ExitReason.RETIREMENT, today);
        members.assignRole(chair.id(), primary, UnionRole.CHAIR, LocalDate.of(year - 3, 1, 1));
        members.assignRole(chair.id(), primary, UnionRole.ELECTED_BODY_MEMBER, LocalDate.of(year - 3, 1, 1));
        members.assignRole(young.id(), primary, UnionRole.ELECTED_BODY_MEMBER, LocalDate.of(year, 2, 1));
        members.assignRole(informer.id(), shop, UnionRole.INFO_WORKER, LocalDate.of(year, 9, 1));
        Member activist = members.assignRole(young.id(), primary, UnionRole.ACTIVIST, LocalDate.of(year - 2, 1, 1));
        long activistRole = activist.roles().stream()
                .filter(role -> role.role() == UnionRole.ACTIVIST)
                .findFirst()
                .orElseThrow()
                .id();
        members.endRole(activistRole, LocalDate.of(year, 6, 30));
        join(members, second, Gender.F, LocalDate.of(1988, 3, 3), LocalDate.of(2021, 1, 1), Category.WORKER);
        join(members, second, Gender.F, LocalDate.of(1960, 3, 3), LocalDate.of(2021, 1, 1), Category.PENSIONER);
    }

    private static Member join(
            Members members, long organization, Gender gender, LocalDate born, LocalDate joined, Category category) {
        String surname = "Отчётова" + "абвгдежзиклмнопрстуфхцчшэюя".charAt(PEOPLE.incrementAndGet() % 27)
                + Fixture.uniqueSurname("ф");
        return members.register(
                organization,
                new PersonData(surname, "Анна", null, born, gender, null, null, null, null, null),
                new MembershipData(MembershipStatus.ACTIVE, joined, null, category));
    }

    private static long membership(Member member) {
        return member.memberships().getFirst().id();
    }
}

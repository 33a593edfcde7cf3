package ru.profkom.members.activists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.activists.ActivistSubmissions.State;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class ActivistSubmissionsTests {

    @Autowired
    ActivistSubmissions submissions;

    @Autowired
    Members members;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    long territorial;
    long primary;
    long otherPrimary;
    String chair;
    Member activist;
    int year;

    @BeforeEach
    void buildATerritorialWithTwoPrimaries() {
        territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, "Актив территориальная");
        primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "Актив первичная");
        otherPrimary = fixture.organization(territorial, OrganizationKind.PRIMARY, "Актив вторая первичная");
        chair = fixture.account(primary, Role.CHAIR);
        activist = activist(primary, "Активнова", "+79120000001");
        activist(otherPrimary, "Вторичнова", "+79120000002");
        year = submissions.currentYear();
    }

    @Test
    void aChairSubmitsAnImmutableDatedSnapshotAndAResubmissionIsANewVersion() {
        ActivistSubmission first = actors.as(chair, () -> submissions.submit(primary, year));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.year()).isEqualTo(year);
        assertThat(first.submittedBy()).isEqualTo(chair);
        assertThat(first.rows()).isEqualTo(1);
        assertThat(first.organizationName()).isEqualTo("Актив первичная");

        Member current = actors.asSystem(() -> members.get(activist.id()));
        actors.asSystem(() -> members.update(
                activist.id(),
                new PersonData(
                        current.lastName(),
                        current.firstName(),
                        null,
                        current.birthDate(),
                        null,
                        null,
                        "+79129999999",
                        null,
                        null,
                        null),
                current.version()));
        ActivistSubmission second = actors.as(chair, () -> submissions.submit(primary, year));

        assertThat(second.version()).isEqualTo(2);
        assertThat(actors.as(chair, () -> submissions.versions(primary, year)))
                .extracting(ActivistSubmission::version)
                .containsExactly(2, 1);
        List<ActivistSubmissionRow> old = actors.as(
                        Fixture.ADMIN_A, () -> submissions.rows(first.id(), PageRequest.of(0, 10)))
                .items();
        assertThat(old).singleElement().satisfies(row -> {
            assertThat(row.fullName()).startsWith(activist.lastName());
            assertThat(row.phone()).isEqualTo("+79120000001");
            assertThat(row.role()).isEqualTo(UnionRole.ACTIVIST);
            assertThat(row.organizationName()).isEqualTo("Актив первичная");
        });
        assertThat(actors.as(Fixture.ADMIN_A, () -> submissions.rows(second.id(), PageRequest.of(0, 10)))
                        .items())
                .extracting(ActivistSubmissionRow::phone)
                .containsExactly("+79129999999");
    }

    @Test
    void aRegionSeesWhoDidNotSubmitGroupedByParentWithTheirChainAndNarrowsToOneCity() {
        long region = fixture.organization(
                fixture.union(), OrganizationKind.REGIONAL, "Областная актива " + Fixture.unique("R"));
        long north = fixture.organization(region, OrganizationKind.TERRITORIAL, "Северная городская");
        long south = fixture.organization(region, OrganizationKind.TERRITORIAL, "Южная городская");
        long northClinic = fixture.primary(north, "Городская поликлиника № 1", 0);
        long southClinic = fixture.primary(south, "Городская поликлиника № 1", 0);
        String regionAdmin = fixture.account(region, Role.ORG_ADMIN);

        var missing = actors.as(
                regionAdmin, () -> submissions.statuses(region, year, null, State.MISSING, PageRequest.of(0, 10)));

        assertThat(missing.items())
                .extracting(s -> s.organization().id(), SubmissionStatus::parentChain)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(northClinic, "Северная городская"),
                        org.assertj.core.groups.Tuple.tuple(southClinic, "Южная городская"));
        assertThat(actors.as(regionAdmin, () -> submissions.levels(region)))
                .extracting(level -> level.id())
                .containsExactly(north, south);
        assertThat(actors.as(
                                regionAdmin,
                                () -> submissions.statuses(
                                        region, year, null, State.MISSING, south, PageRequest.of(0, 10)))
                        .items())
                .extracting(s -> s.organization().id())
                .containsExactly(southClinic);
        assertRefused(
                Kind.INVALID,
                "within",
                "activists.within.outside",
                () -> actors.as(
                        regionAdmin,
                        () -> submissions.statuses(
                                region, year, null, State.ALL, fixture.territorialA1(), PageRequest.of(0, 10))));
    }

    @Test
    void theHigherOrganizationSeesWhoSubmittedAndWhoDidNot() {
        actors.as(chair, () -> submissions.submit(primary, year));

        var all = actors.as(
                Fixture.ADMIN_A, () -> submissions.statuses(territorial, year, null, State.ALL, PageRequest.of(0, 10)));
        assertThat(all.items())
                .extracting(s -> s.organization().id(), SubmissionStatus::submitted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(otherPrimary, false),
                        org.assertj.core.groups.Tuple.tuple(primary, true));
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> submissions.statuses(
                                        territorial, year, null, State.SUBMITTED, PageRequest.of(0, 10)))
                        .items())
                .extracting(s -> s.organization().id())
                .containsExactly(primary);
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> submissions.statuses(
                                        territorial, year, null, State.MISSING, PageRequest.of(0, 10)))
                        .items())
                .extracting(s -> s.organization().id())
                .containsExactly(otherPrimary);
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> submissions.statuses(
                                        territorial, year, "вторая", State.ALL, PageRequest.of(0, 10)))
                        .items())
                .extracting(s -> s.organization().id())
                .containsExactly(otherPrimary);
        assertThat(actors.as(Fixture.ADMIN_A, () -> submissions.counts(territorial, year)))
                .containsExactly(2, 1);
        assertThat(actors.as(Fixture.ADMIN_A, () -> submissions.counts(territorial, year - 1)))
                .containsExactly(2, 0);
    }

    @Test
    void theConsolidatedBaseHoldsTheLatestVersionOfEachSubmissionAndIsAudited() {
        actors.as(chair, () -> submissions.submit(primary, year));
        ActivistSubmission latest = actors.as(chair, () -> submissions.submit(primary, year));
        ActivistSubmission other = actors.asSystem(() -> submissions.submit(otherPrimary, year));

        List<ActivistSubmissionRow> rows = new ArrayList<>();
        long count =
                actors.as(Fixture.ADMIN_A, () -> submissions.exportConsolidated(territorial, year, "XLSX", rows::add));
        long snapshotRows = actors.as(Fixture.ADMIN_A, () -> submissions.export(other.id(), "XLSX", row -> {}));
        actors.as(Fixture.ADMIN_A, () -> submissions.rows(latest.id(), PageRequest.of(0, 10)));

        assertThat(count).isEqualTo(2);
        assertThat(snapshotRows).isEqualTo(1);
        assertThat(rows)
                .extracting(ActivistSubmissionRow::organizationName)
                .containsExactlyInAnyOrder("Актив первичная", "Актив вторая первичная");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<AuditEntry> entries = actors.as(
                            Fixture.ADMIN_A,
                            () -> auditLog.forSubtree(territorial, AuditFilter.none(), PageRequest.of(0, 200)))
                    .items();
            assertThat(entries)
                    .extracting(AuditEntry::action, AuditEntry::details)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    "ACTIVISTS_SUBMITTED", "за " + year + " год, версия 2, строк: 1"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "ACTIVIST_SNAPSHOT_READ", "за " + year + " год, версия 2"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "MEMBERS_EXPORTED", "сводная база контактов актива, XLSX, строк: 2"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "MEMBERS_EXPORTED", "направленная база контактов актива, XLSX, строк: 1"));
            assertThat(entries)
                    .extracting(AuditEntry::details)
                    .noneMatch(details -> details != null
                            && (details.contains(activist.lastName()) || details.contains("79120000001")));
        });
    }

    @Test
    void refusesOutsideTheSubtreeAndWhatIsNotAPrimaryOrganization() {
        ActivistSubmission submitted = actors.as(chair, () -> submissions.submit(primary, year));
        DatabaseSnapshot.Content before = database.take();

        assertRefused(
                Kind.NOT_FOUND,
                ActivistSubmissions.NOT_FOUND,
                () -> actors.as(Fixture.ADMIN_B, () -> submissions.rows(submitted.id(), PageRequest.of(0, 10))));
        assertRefused(
                Kind.NOT_FOUND,
                ActivistSubmissions.NOT_FOUND,
                () -> actors.as(Fixture.ADMIN_B, () -> submissions.export(submitted.id(), "XLSX", row -> {})));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> submissions.submit(primary, year)));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        Fixture.ADMIN_B, () -> submissions.exportConsolidated(territorial, year, "XLSX", row -> {})));
        // A plain member sees no one's contacts, not even in their own organization.
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.MEMBER_A1, () -> submissions.submit(fixture.primaryA1(), year)));
        assertRefused(
                Kind.INVALID,
                "organizationId",
                "activists.submit.notPrimary",
                () -> actors.as(Fixture.ADMIN_A, () -> submissions.submit(territorial, year)));
        assertRefused(
                Kind.INVALID,
                "year",
                "activists.submit.year",
                () -> actors.as(chair, () -> submissions.submit(primary, year + 2)));
        // The chair of one primary organization does not see the other's submission.
        ActivistSubmission other = actors.asSystem(() -> submissions.submit(otherPrimary, year));
        before = database.take();
        assertRefused(
                Kind.NOT_FOUND,
                ActivistSubmissions.NOT_FOUND,
                () -> actors.as(chair, () -> submissions.rows(other.id(), PageRequest.of(0, 10))));
        database.assertUnchangedSince(before);
    }

    private Member activist(long organizationId, String surname, String phone) {
        Member member = actors.asSystem(() -> members.register(
                organizationId,
                new PersonData(
                        Fixture.uniqueSurname(surname),
                        "Анна",
                        null,
                        LocalDate.of(1985, 3, 1),
                        null,
                        null,
                        phone,
                        null,
                        null,
                        null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        return actors.asSystem(() -> members.assignRole(
                member.id(), organizationId, UnionRole.ACTIVIST, LocalDate.now().minusYears(1)));
    }
}

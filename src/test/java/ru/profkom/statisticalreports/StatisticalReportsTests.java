package ru.profkom.statisticalreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipMovement;
import ru.profkom.statistics.MembershipStatistics;
import ru.profkom.statistics.StatisticsSettled;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class StatisticalReportsTests {

    @Autowired
    StatisticalReports reports;

    @Autowired
    MembershipStatistics statistics;

    @Autowired
    Members members;

    @Autowired
    Organizations organizations;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    MockMvc mvc;

    ReportWorld world;

    @BeforeEach
    void buildWorld() {
        world = ReportWorld.build(fixture, members, jdbc);
    }

    @Test
    void prefillsTheOwnLinesFromTheStatisticsTheTreeAndTheUnionRoles() {
        int year = world.year();
        StatisticalReport report = actors.as(world.chair(), () -> reports.report(world.primary(), year));
        MembershipFigures figures =
                actors.as(world.chair(), () -> statistics.figures(world.primary(), LocalDate.of(year, 12, 31)));
        MembershipMovement movement = actors.as(
                world.chair(),
                () -> statistics.movement(world.primary(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));

        assertThat(report.status()).isEqualTo(ReportStatus.NOT_STARTED);
        assertThat(report.asOf()).isEqualTo(LocalDate.of(year + 1, 1, 1));
        assertThat(value(report, ReportLine.MEMBERS))
                .isEqualTo(figures.members())
                .isEqualTo(7);
        assertThat(value(report, ReportLine.WORKERS))
                .isEqualTo(figures.category(Category.WORKER))
                .isEqualTo(4);
        assertThat(value(report, ReportLine.STUDENTS)).isEqualTo(figures.category(Category.STUDENT));
        assertThat(value(report, ReportLine.PENSIONERS)).isEqualTo(figures.category(Category.PENSIONER));
        assertThat(value(report, ReportLine.UNEMPLOYED))
                .isEqualTo(figures.category(Category.UNEMPLOYED))
                .isEqualTo(1);
        assertThat(value(report, ReportLine.WOMEN)).isEqualTo(figures.women()).isEqualTo(4);
        assertThat(value(report, ReportLine.YOUTH)).isEqualTo(figures.youth()).isPositive();
        assertThat(value(report, ReportLine.HEADCOUNT))
                .isEqualTo(figures.headcount())
                .isEqualTo(300);
        assertThat(value(report, ReportLine.JOINED))
                .isEqualTo(movement.joined())
                .isEqualTo(3);
        assertThat(value(report, ReportLine.EXITED_OWN_WISH))
                .isEqualTo(movement.exited(ExitReason.OWN_WISH))
                .isEqualTo(1);
        assertThat(value(report, ReportLine.EXITED_RETIREMENT)).isZero();
        assertThat(value(report, ReportLine.TRANSFERS_OUT)).isEqualTo(movement.transfersOut());
        assertThat(value(report, ReportLine.PRIMARY_ORGANIZATIONS)).isEqualTo(1);
        assertThat(value(report, ReportLine.SHOP_ORGANIZATIONS)).isEqualTo(1);
        assertThat(value(report, ReportLine.CHAIRS)).isEqualTo(1);
        assertThat(value(report, ReportLine.ELECTED_BODY_MEMBERS)).isEqualTo(2);
        assertThat(value(report, ReportLine.INFO_WORKERS)).isEqualTo(1);
        assertThat(value(report, ReportLine.ACTIVISTS)).isZero();
        assertThat(report.line(ReportLine.TRAINED_ACTIVISTS).value()).isNull();
        assertThat(report.lines())
                .filteredOn(line -> line.line().fromRegistry())
                .allSatisfy(line -> assertThat(line.source()).isEqualTo(StatisticalReport.Source.REGISTRY));
        assertThat(report.line(ReportLine.TRAINED_ACTIVISTS).source()).isEqualTo(StatisticalReport.Source.HAND);
        assertThat(report.ownMembershipLevel()).isEqualTo(2.3);
        assertThat(report.consolidates()).isFalse();
        assertThat(report.editable()).isTrue();
        assertThat(report.decidable()).isFalse();

        // A territorial organization's own lines: itself, without the primary organizations that report.
        StatisticalReport territorial =
                actors.as(world.territorialAdmin(), () -> reports.report(world.territorial(), year));
        assertThat(value(territorial, ReportLine.MEMBERS)).isZero();
        assertThat(value(territorial, ReportLine.JOINED)).isZero();
        assertThat(value(territorial, ReportLine.HEADCOUNT)).isZero();
        assertThat(value(territorial, ReportLine.TERRITORIAL_ORGANIZATIONS)).isEqualTo(1);
        assertThat(value(territorial, ReportLine.PRIMARY_ORGANIZATIONS)).isZero();
        assertThat(territorial.reportingChildren()).isEqualTo(2);
        assertThat(territorial.consolidates()).isTrue();
    }

    @Test
    void goesThroughDraftSubmissionReturnAndAcceptanceWithATrail() {
        int year = world.year();
        StatisticalReport draft = actors.as(
                world.chair(),
                () -> reports.save(
                        world.primary(),
                        year,
                        new ReportChanges(0, Map.of(ReportLine.TRAINED_ACTIVISTS, 4L, ReportLine.HEADCOUNT, 320L))));
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.line(ReportLine.HEADCOUNT)).satisfies(line -> {
            assertThat(line.value()).isEqualTo(320);
            assertThat(line.registryValue()).isEqualTo(300);
            assertThat(line.corrected()).isTrue();
            assertThat(line.source()).isEqualTo(StatisticalReport.Source.HAND);
        });

        // Submitting needs every hand line; nothing is stored when it is refused.
        var beforeIncomplete = database.take();
        assertRefused(
                Kind.INVALID,
                "COLLECTIVE_AGREEMENTS",
                "statreport.value.required",
                () -> actors.as(world.chair(), () -> reports.submit(world.primary(), year, ReportChanges.NONE)));
        database.assertUnchangedSince(beforeIncomplete);

        StatisticalReport submitted = actors.as(
                world.chair(),
                () -> reports.submit(world.primary(), year, new ReportChanges(1, ReportWorld.handLines(2, 1, 250))));
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.submittedAt()).isNotNull();
        assertThat(submitted.parentId()).isEqualTo(world.territorial());
        assertThat(submitted.editable()).isFalse();

        // Read-only for the submitter, who cannot submit twice nor decide on it.
        var beforeRefusals = database.take();
        assertRefused(
                Kind.CONFLICT,
                "statreport.readOnly.submitted",
                () -> actors.as(
                        world.chair(), () -> reports.save(world.primary(), year, changes(ReportLine.WOMEN, 3L))));
        assertRefused(
                Kind.CONFLICT,
                "statreport.submit.again",
                () -> actors.as(world.chair(), () -> reports.submit(world.primary(), year, ReportChanges.NONE)));
        assertRefused(
                Kind.FORBIDDEN,
                "statreport.decide.notParentStaff",
                () -> actors.as(world.chair(), () -> reports.accept(world.primary(), year)));
        assertRefused(
                Kind.INVALID,
                "comment",
                "statreport.return.commentRequired",
                () -> actors.as(world.regionAdmin(), () -> reports.returnForCorrection(world.primary(), year, " ")));
        database.assertUnchangedSince(beforeRefusals);

        StatisticalReport returned = actors.as(
                world.regionAdmin(),
                () -> reports.returnForCorrection(
                        world.primary(), year, "Численность работающих — по штатному расписанию"));
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.lastReturn().comment()).isEqualTo("Численность работающих — по штатному расписанию");
        assertThat(actors.as(world.chair(), () -> reports.report(world.primary(), year))
                        .editable())
                .isTrue();

        StatisticalReport corrected = actors.as(
                world.chair(),
                () -> reports.save(
                        world.primary(),
                        year,
                        new ReportChanges(
                                returned.version(),
                                changes(ReportLine.HEADCOUNT, null).lines())));
        assertThat(corrected.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(corrected.line(ReportLine.HEADCOUNT).value()).isEqualTo(300);
        assertThat(corrected.line(ReportLine.HEADCOUNT).corrected()).isFalse();
        assertThat(corrected.lastReturn()).isNotNull();

        actors.run(world.chair(), () -> reports.submit(world.primary(), year, ReportChanges.NONE));
        StatisticalReport accepted = actors.as(world.territorialAdmin(), () -> reports.accept(world.primary(), year));

        assertThat(accepted.status()).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(accepted.decidedAt()).isNotNull();
        assertThat(accepted.lastReturn()).isNull();
        assertThat(accepted.trail())
                .extracting(ReportStep::status)
                .containsExactly(
                        ReportStatus.DRAFT,
                        ReportStatus.SUBMITTED,
                        ReportStatus.RETURNED,
                        ReportStatus.DRAFT,
                        ReportStatus.SUBMITTED,
                        ReportStatus.ACCEPTED);
        assertThat(accepted.trail())
                .extracting(ReportStep::login)
                .containsExactly(
                        world.chair(),
                        world.chair(),
                        world.regionAdmin(),
                        world.chair(),
                        world.chair(),
                        world.territorialAdmin());
        assertRefused(
                Kind.CONFLICT,
                "statreport.readOnly.accepted",
                () -> actors.as(world.chair(), () -> reports.save(world.primary(), year, ReportChanges.NONE)));
        assertRefused(
                Kind.CONFLICT,
                "statreport.return.accepted",
                () -> actors.as(world.regionAdmin(), () -> reports.returnForCorrection(world.primary(), year, "Ещё")));

        Awaitility.await()
                .atMost(Patience.AFTER_COMMIT)
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select action from audit_event where organization_id = ? and action like 'STATISTICAL_REPORT_%'",
                                String.class, world.primary()))
                        .contains(
                                "STATISTICAL_REPORT_SAVED",
                                "STATISTICAL_REPORT_SUBMITTED",
                                "STATISTICAL_REPORT_RETURNED",
                                "STATISTICAL_REPORT_ACCEPTED"));
        assertThat(jdbc.queryForList(
                        "select details from audit_event where organization_id = ? and action = 'STATISTICAL_REPORT_RETURNED'",
                        String.class,
                        world.primary()))
                .singleElement()
                .asString()
                .contains("по штатному расписанию");
    }

    @Test
    void consolidatesTheAcceptedReportsOfTheChildrenAtEachLevel() {
        int year = world.year();
        actors.run(
                world.chair(),
                () -> reports.submit(world.primary(), year, new ReportChanges(null, ReportWorld.handLines(3, 1, 280))));
        actors.run(
                world.regionAdmin(),
                () -> reports.submit(world.second(), year, new ReportChanges(null, ReportWorld.handLines(1, 1, 90))));

        // Only accepted reports count: so far none.
        StatisticalReport none = actors.as(world.territorialAdmin(), () -> reports.report(world.territorial(), year));
        assertThat(none.line(ReportLine.MEMBERS).total()).isZero();
        assertThat(none.accepted()).isEmpty();

        actors.run(world.territorialAdmin(), () -> reports.accept(world.primary(), year));
        StatisticalReport one = actors.as(world.territorialAdmin(), () -> reports.report(world.territorial(), year));
        assertThat(one.line(ReportLine.MEMBERS).children()).isEqualTo(7);
        assertThat(one.line(ReportLine.TRAINED_ACTIVISTS).children()).isEqualTo(3);
        assertThat(one.accepted()).extracting(ChildReport::organizationId).containsExactly(world.primary());

        actors.run(world.territorialAdmin(), () -> reports.accept(world.second(), year));
        StatisticalReport territorial = actors.as(
                world.territorialAdmin(),
                () -> reports.submit(
                        world.territorial(), year, new ReportChanges(null, ReportWorld.handLines(2, 0, 0))));
        assertThat(territorial.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(territorial.line(ReportLine.MEMBERS).total()).isEqualTo(9);
        assertThat(territorial.line(ReportLine.PENSIONERS).total()).isEqualTo(2);
        assertThat(territorial.line(ReportLine.PRIMARY_ORGANIZATIONS).total()).isEqualTo(2);
        assertThat(territorial.line(ReportLine.TERRITORIAL_ORGANIZATIONS).total())
                .isEqualTo(1);
        assertThat(territorial.line(ReportLine.TRAINED_ACTIVISTS).total()).isEqualTo(3 + 1 + 2);
        assertThat(territorial.line(ReportLine.HEADCOUNT).total()).isEqualTo(300 + 100);
        assertThat(territorial.line(ReportLine.COVERED_BY_AGREEMENTS).total()).isEqualTo(280 + 90);

        actors.run(world.regionAdmin(), () -> reports.accept(world.territorial(), year));
        StatisticalReport region = actors.as(world.regionAdmin(), () -> reports.report(world.region(), year));
        MembershipFigures figures =
                actors.as(world.regionAdmin(), () -> statistics.figures(world.region(), LocalDate.of(year, 12, 31)));
        assertThat(region.line(ReportLine.REGIONAL_ORGANIZATIONS).total()).isEqualTo(1);
        assertThat(region.line(ReportLine.TERRITORIAL_ORGANIZATIONS).total()).isEqualTo(1);
        assertThat(region.line(ReportLine.PRIMARY_ORGANIZATIONS).total()).isEqualTo(2);
        // Reports taken as the registry gave them add up to the region's statistics.
        assertThat(region.line(ReportLine.MEMBERS).total())
                .isEqualTo(figures.members())
                .isEqualTo(9);
        assertThat(region.line(ReportLine.WOMEN).total()).isEqualTo(figures.women());
        assertThat(region.line(ReportLine.YOUTH).total()).isEqualTo(figures.youth());
        assertThat(region.line(ReportLine.HEADCOUNT).total()).isEqualTo(figures.headcount());
        assertThat(region.totalMembershipLevel()).isEqualTo(figures.membershipLevel());

        // A submitted report is fixed: a late change in the registry moves neither it nor its parent's sums.
        ru.profkom.shared.CurrentActor.asSystem(() -> members.register(
                world.primary(),
                new PersonData(
                        Fixture.uniqueSurname("Поздняя"), "Ольга", null, null, Gender.F, null, null, null, null, null),
                new MembershipData(MembershipStatus.ACTIVE, LocalDate.of(year, 12, 1), null, Category.WORKER)));
        StatisticsSettled.await(jdbc);
        assertThat(actors.as(world.chair(), () -> reports.report(world.primary(), year))
                        .line(ReportLine.MEMBERS)
                        .value())
                .isEqualTo(7);
        assertThat(actors.as(world.regionAdmin(), () -> reports.report(world.region(), year))
                        .line(ReportLine.MEMBERS)
                        .total())
                .isEqualTo(9);
    }

    @Test
    void listsTheChildrenAndTheSubtreeByStatus() {
        int year = world.year();
        actors.run(world.chair(), () -> reports.save(world.primary(), year, changes(ReportLine.TRAINED_ACTIVISTS, 1L)));

        var children = actors.as(
                world.territorialAdmin(),
                () -> reports.children(world.territorial(), year, StatusFilter.ALL, null, PageRequest.of(0, 10)));
        assertThat(children.items())
                .extracting(OrganizationReportStatus::organizationId, OrganizationReportStatus::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(world.primary(), ReportStatus.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(world.second(), ReportStatus.NOT_STARTED));
        assertThat(actors.as(
                                world.territorialAdmin(),
                                () -> reports.children(
                                        world.territorial(),
                                        year,
                                        StatusFilter.NOT_STARTED,
                                        null,
                                        PageRequest.of(0, 10)))
                        .items())
                .extracting(OrganizationReportStatus::organizationId)
                .containsExactly(world.second());
        assertThat(actors.as(
                                world.territorialAdmin(),
                                () -> reports.children(
                                        world.territorial(),
                                        year,
                                        StatusFilter.ALL,
                                        "поликлиники",
                                        PageRequest.of(0, 10)))
                        .items())
                .extracting(OrganizationReportStatus::organizationId)
                .containsExactly(world.second());

        actors.run(
                world.chair(),
                () -> reports.submit(world.primary(), year, new ReportChanges(null, ReportWorld.handLines(1, 1, 1))));
        var notSubmitted = actors.as(
                world.regionAdmin(),
                () -> reports.subtree(
                        world.region(),
                        year,
                        OrganizationKind.PRIMARY,
                        StatusFilter.NOT_SUBMITTED,
                        null,
                        PageRequest.of(0, 10)));
        assertThat(notSubmitted.items())
                .extracting(OrganizationReportStatus::organizationId)
                .containsExactly(world.second());
        var submitted = actors.as(
                world.regionAdmin(),
                () -> reports.subtree(
                        world.region(),
                        year,
                        OrganizationKind.PRIMARY,
                        StatusFilter.SUBMITTED,
                        null,
                        PageRequest.of(0, 10)));
        assertThat(submitted.items())
                .extracting(OrganizationReportStatus::organizationId, OrganizationReportStatus::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(world.primary(), ReportStatus.SUBMITTED));
        var territorials = actors.as(
                world.regionAdmin(),
                () -> reports.subtree(
                        world.region(),
                        year,
                        OrganizationKind.TERRITORIAL,
                        StatusFilter.ALL,
                        null,
                        PageRequest.of(0, 10)));
        assertThat(territorials.items())
                .extracting(OrganizationReportStatus::organizationId)
                .containsExactly(world.territorial());
    }

    @Test
    void refusesStaffOfAnotherRegionAndMembersAndChangesNothing() {
        int year = world.year();
        actors.run(
                world.chair(),
                () -> reports.submit(world.primary(), year, new ReportChanges(null, ReportWorld.handLines(1, 1, 1))));
        var before = database.take();

        for (String outsider : List.of(Fixture.ADMIN_B, Fixture.ADMIN_A)) {
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> actors.as(outsider, () -> reports.report(world.primary(), year)));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> actors.as(outsider, () -> reports.save(world.second(), year, changes(ReportLine.WOMEN, 1L))));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> actors.as(outsider, () -> reports.submit(world.second(), year, ReportChanges.NONE)));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> actors.as(outsider, () -> reports.accept(world.primary(), year)));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> actors.as(outsider, () -> reports.returnForCorrection(world.primary(), year, "Чужой")));
            assertRefused(
                    Kind.NOT_FOUND,
                    "organization.notFound",
                    () -> actors.as(
                            outsider,
                            () -> reports.children(
                                    world.territorial(), year, StatusFilter.ALL, null, PageRequest.of(0, 10))));
        }
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(world.member(), () -> reports.report(world.primary(), year)));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(world.member(), () -> reports.accept(world.primary(), year)));
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesImpossibleNumbersAndYearsAndStoresNothing() throws Exception {
        int year = world.year();
        var before = database.take();

        assertRefused(
                Kind.INVALID,
                "WOMEN",
                "statreport.value.moreThanMembers",
                () -> actors.as(
                        world.chair(), () -> reports.save(world.primary(), year, changes(ReportLine.WOMEN, 8L))));
        assertRefused(
                Kind.INVALID,
                "JOINED",
                "statreport.value.negative",
                () -> actors.as(
                        world.chair(), () -> reports.save(world.primary(), year, changes(ReportLine.JOINED, -2L))));
        assertRefused(
                Kind.INVALID,
                "HEADCOUNT",
                "statreport.value.tooLarge",
                () -> actors.as(
                        world.chair(),
                        () -> reports.save(world.primary(), year, changes(ReportLine.HEADCOUNT, 500_000_000L))));
        assertRefused(
                Kind.INVALID,
                "year",
                "statreport.year.future",
                () -> actors.as(world.chair(), () -> reports.save(world.primary(), year + 1, ReportChanges.NONE)));
        assertRefused(
                Kind.INVALID,
                "year",
                "statreport.year.tooEarly",
                () -> actors.as(world.chair(), () -> reports.report(world.primary(), 1985)));
        assertRefused(
                Kind.CONFLICT,
                "statreport.shop",
                () -> actors.as(world.chair(), () -> reports.report(world.shop(), year)));
        assertRefused(
                Kind.CONFLICT,
                "statreport.changed",
                () -> actors.as(
                        world.chair(), () -> reports.save(world.primary(), year, new ReportChanges(4, Map.of()))));

        MvcResult answer = mvc.perform(put("/api/v1/organizations/" + world.primary() + "/statistical-reports/" + year)
                        .with(httpBasic(world.chair(), Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":{\"YOUTH\":-5,\"WORKERS\":900000000}}"))
                .andReturn();
        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        String problem = answer.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(problem)
                .contains(
                        "Молодёжи до 35 лет", "не может быть отрицательным", "из них работающих", "больше возможного");

        database.assertUnchangedSince(before);
        assertThat(actors.as(world.chair(), () -> reports.report(world.primary(), year))
                        .status())
                .isEqualTo(ReportStatus.NOT_STARTED);
    }

    private static long value(StatisticalReport report, ReportLine line) {
        return report.line(line).value();
    }

    private static ReportChanges changes(ReportLine line, Long value) {
        Map<ReportLine, Long> lines = new HashMap<>();
        lines.put(line, value);
        return new ReportChanges(null, lines);
    }

    @Test
    void whoHasNotSubmittedShowsEachOrganizationsParentsGroupsByParentAndNarrowsToOne() {
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).getYear() - 1;
        long region = fixture.organization(
                fixture.union(), OrganizationKind.REGIONAL, "Областная для списка " + Fixture.unique("R"));
        long north = fixture.organization(region, OrganizationKind.TERRITORIAL, "Северная городская");
        long south = fixture.organization(region, OrganizationKind.TERRITORIAL, "Южная городская");
        long northClinic = fixture.primary(north, "Городская поликлиника № 1", 0);
        long southClinic = fixture.primary(south, "Городская поликлиника № 1", 0);
        long regionalHospital = fixture.primary(region, "Областная больница", 0);
        String regionAdmin = fixture.account(region, ru.profkom.shared.Role.ORG_ADMIN);

        var all = actors.as(
                regionAdmin,
                () -> reports.subtree(
                        region,
                        year,
                        OrganizationKind.PRIMARY,
                        StatusFilter.NOT_SUBMITTED,
                        null,
                        PageRequest.of(0, 10)));

        assertThat(all.items())
                .as("grouped by parent, each with the organizations between")
                .extracting(OrganizationReportStatus::organizationId, OrganizationReportStatus::parentChain)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(regionalHospital, ""),
                        org.assertj.core.groups.Tuple.tuple(northClinic, "Северная городская"),
                        org.assertj.core.groups.Tuple.tuple(southClinic, "Южная городская"));
        assertThat(actors.as(regionAdmin, () -> reports.levels(region, OrganizationKind.PRIMARY)))
                .extracting(Organizations.Level::chain)
                .containsExactly("Северная городская", "Южная городская");
        String regionName = organizations.shortNames(List.of(region)).get(region);
        assertThat(actors.as(regionAdmin, () -> organizations.chainsBelow(region, List.of(southClinic))))
                .containsEntry(southClinic, "Южная городская");
        assertThat(ru.profkom.shared.CurrentActor.asSystem(
                        () -> organizations.chainsBelow(fixture.union(), List.of(southClinic))))
                .as("from the union: the region, then the city")
                .containsEntry(southClinic, regionName + " › Южная городская");
        assertThat(actors.as(
                                regionAdmin,
                                () -> reports.subtree(
                                        region,
                                        year,
                                        OrganizationKind.PRIMARY,
                                        StatusFilter.NOT_SUBMITTED,
                                        null,
                                        south,
                                        PageRequest.of(0, 10)))
                        .items())
                .extracting(OrganizationReportStatus::organizationId)
                .containsExactly(southClinic);
        assertRefused(
                Kind.INVALID,
                "within",
                "statreport.within.outside",
                () -> actors.as(
                        regionAdmin,
                        () -> reports.subtree(
                                region,
                                year,
                                OrganizationKind.PRIMARY,
                                StatusFilter.ALL,
                                null,
                                fixture.territorialA1(),
                                PageRequest.of(0, 10))));
    }
}

package ru.profkom.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static ru.profkom.support.Refusals.assertRefused;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.shared.web.Formats;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class IndicatorsTests {

    @Autowired
    Indicators indicators;

    @Autowired
    Rating rating;

    @Autowired
    InfoReports reports;

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

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    @Test
    void showsEachIndicatorAgainstItsTargetWithItsSource() {
        YearMonth month = Periods.current(clock);
        long territorial = territorial();
        long primary = primary(territorial, "ППО поликлиники № 3", 200, "Смирнова Ольга Петровна");
        LocalDate today = LocalDate.now(clock.withZone(Formats.MOSCOW));

        actors.run(Fixture.ADMIN_A, () -> {
            indicators.saveEntry(
                    primary,
                    month,
                    new IndicatorEntry(new BigDecimal("100000"), new BigDecimal("6000"), 2, today, 3, 1));
            indicators.addChannel(primary, month, Channel.Kind.SITE, "https://poliklinika3.ru/profkom", 50);
            indicators.addChannel(primary, month, Channel.Kind.VK, "https://vk.com/ppo3", 70);
        });
        Map<String, IndicatorReading> readings =
                actors.as(Fixture.ADMIN_A, () -> indicators.readings(primary, month)).stream()
                        .collect(Collectors.toMap(IndicatorReading::code, Function.identity()));

        assertThat(readings.get("INFO_WORKER").value()).isEqualByComparingTo("1");
        assertThat(readings.get("INFO_WORKER").sourceKey()).isEqualTo("indicator.source.card");
        assertThat(readings.get("INFO_WORKER").sourceDetail()).isEqualTo("Смирнова Ольга Петровна");
        assertThat(readings.get("BUDGET_SHARE").value()).isEqualByComparingTo("6");
        assertThat(readings.get("BUDGET_SHARE").met()).isTrue();
        assertThat(readings.get("BUDGET_SHARE").sourceKey()).isEqualTo("indicator.source.entry");
        assertThat(readings.get("CHANNELS").value()).isEqualByComparingTo("2");
        assertThat(readings.get("CHANNELS").met()).isFalse();
        assertThat(readings.get("CHANNELS").normalized()).isEqualByComparingTo("0.6667");
        assertThat(readings.get("SUBSCRIBER_COVERAGE").value()).isEqualByComparingTo("60");
        assertThat(readings.get("SUBSCRIBER_COVERAGE").sourceDetail()).isEqualTo("120 / 200");
        assertThat(readings.get("STANDS_WEEKLY").value()).isEqualByComparingTo("0");
        assertThat(readings.get("STANDS_WEEKLY").met()).isTrue();
        assertThat(readings.get("PERIODICAL_SUBSCRIPTIONS").value()).isEqualByComparingTo("3");
        assertThat(readings.get("TRAINED_INFO_WORKERS").value()).isEqualByComparingTo("1");
        assertThat(readings.get("DIGITAL_MATURITY").value()).isEqualByComparingTo("100");

        // The month before has no data: shown as such, never as zero spending.
        IndicatorReading before =
                actors.as(Fixture.ADMIN_A, () -> indicators.readings(primary, month.minusMonths(1))).stream()
                        .filter(reading -> reading.code().equals("BUDGET_SHARE"))
                        .findFirst()
                        .orElseThrow();
        assertThat(before.value()).isNull();
        assertThat(before.sourceKey()).isEqualTo("indicator.source.noData");
    }

    @Test
    void refusesNegativeAbsurdAndFutureDataAndStoresNothing() {
        YearMonth month = Periods.current(clock);
        long primary = primary(territorial(), "ППО роддома", 100, null);
        LocalDate today = LocalDate.now(clock.withZone(Formats.MOSCOW));
        var before = database.take();

        actors.run(Fixture.ADMIN_A, () -> {
            assertRefused(
                    Kind.INVALID,
                    "budget",
                    "indicator.entry.negative",
                    () -> indicators.saveEntry(
                            primary, month, new IndicatorEntry(new BigDecimal("-1"), null, null, null, null, null)));
            assertRefused(
                    Kind.INVALID,
                    "infoSpending",
                    "indicator.entry.spendingAboveBudget",
                    () -> indicators.saveEntry(
                            primary,
                            month,
                            new IndicatorEntry(
                                    new BigDecimal("1000"), new BigDecimal("1000.01"), null, null, null, null)));
            assertRefused(
                    Kind.INVALID,
                    "budget",
                    "indicator.entry.moneyTooLarge",
                    () -> indicators.saveEntry(
                            primary,
                            month,
                            new IndicatorEntry(new BigDecimal("5000000000000"), null, null, null, null, null)));
            assertRefused(
                    Kind.INVALID,
                    "stands",
                    "indicator.entry.negative",
                    () -> indicators.saveEntry(primary, month, new IndicatorEntry(null, null, -2, today, null, null)));
            assertRefused(
                    Kind.INVALID,
                    "standsUpdatedOn",
                    "indicator.entry.dateInFuture",
                    () -> indicators.saveEntry(
                            primary, month, new IndicatorEntry(null, null, 1, today.plusDays(3), null, null)));
            assertRefused(
                    Kind.INVALID,
                    "period",
                    "indicator.period.future",
                    () -> indicators.saveEntry(primary, month.plusMonths(1), IndicatorEntry.EMPTY));
            assertRefused(
                    Kind.INVALID,
                    "subscribers",
                    "indicator.channel.tooManySubscribers",
                    () -> indicators.addChannel(
                            primary, month, Channel.Kind.TELEGRAM, "https://t.me/ppo", 100_000_001));
            assertRefused(
                    Kind.INVALID,
                    "subscribers",
                    "indicator.entry.negative",
                    () -> indicators.addChannel(primary, month, Channel.Kind.TELEGRAM, "https://t.me/ppo", -5));
            assertRefused(
                    Kind.INVALID,
                    "period",
                    "indicator.period.future",
                    () -> indicators.period(month.plusMonths(2).toString()));
            assertRefused(Kind.INVALID, "period", "indicator.period.invalid", () -> indicators.period("октябрь"));
        });
        // All problems of one input come together.
        ProfkomException all = assertRefused(
                Kind.INVALID,
                "indicator.entry.negative",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> indicators.saveEntry(
                                primary,
                                month,
                                new IndicatorEntry(new BigDecimal("-5"), new BigDecimal("10"), -1, null, -3, 20_000))));
        assertThat(all.problems())
                .extracting(ProfkomException.Problem::field)
                .contains("budget", "infoSpending", "stands", "periodicalSubscriptions", "trainedInfoWorkers");

        database.assertUnchangedSince(before);
        assertThat(messages.getMessage("indicator.entry.spendingAboveBudget", null, Locale.forLanguageTag("ru")))
                .isEqualTo("Расходы на информационную работу не могут превышать смету.");
    }

    @Test
    void hidesIndicatorsOutsideTheSubtreeAndFromPlainMembers() {
        YearMonth month = Periods.current(clock);

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_A, () -> indicators.readings(fixture.primaryB1(), month)));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> rating.ranking(fixture.territorialB1(), month, null, PageRequest.of(0, 10))));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.as(Fixture.MEMBER_A1, () -> indicators.readings(fixture.primaryA1(), month)));
        assertThat(actors.as(Fixture.INFO_WORKER_A1, () -> indicators.readings(fixture.primaryA1(), month)))
                .isNotEmpty();
    }

    @Test
    void ranksPrimaryOrganizationsWithTrendAndTheWeightsChangeTheOrder() {
        YearMonth month = Periods.current(clock);
        YearMonth previous = month.minusMonths(1);
        long territorial = territorial();
        long alpha = primary(territorial, "ППО Альфа", 100, "Иванова Анна Ивановна");
        long beta = primary(territorial, "ППО Бета", 100, null);
        actors.run(Fixture.ADMIN_A, () -> {
            // Last month alpha led with a trained information worker: 15 + 10 against beta's 20.
            indicators.saveEntry(alpha, previous, new IndicatorEntry(null, null, null, null, null, 1));
            indicators.saveEntry(beta, previous, spending(10));
            // This month beta's budget share (20) beats alpha's information worker alone (15).
            indicators.saveEntry(beta, month, spending(10));
        });

        Ranking ranking =
                actors.as(Fixture.ADMIN_A, () -> rating.ranking(territorial, month, null, PageRequest.of(0, 20)));

        assertThat(ranking.weightsSetBy()).isNull();
        assertThat(ranking.rows().items()).extracting(RankingRow::name).containsExactly("ППО Бета", "ППО Альфа");
        assertThat(ranking.rows().items()).extracting(RankingRow::trend).containsExactly(1, -1);
        RankingRow first = ranking.rows().items().getFirst();
        assertThat(first.score()).isEqualByComparingTo("20");
        assertThat(first.lines().stream().map(Scoring.ScoreLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(first.score());

        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("INFO_WORKER", 60);
        weights.put("BUDGET_SHARE", 40);
        actors.run(Fixture.ADMIN_A, () -> rating.setWeights(territorial, weights));
        Ranking reweighted =
                actors.as(Fixture.ADMIN_A, () -> rating.ranking(territorial, month, null, PageRequest.of(0, 20)));

        assertThat(reweighted.weightsSetBy()).isEqualTo(territorial);
        assertThat(reweighted.rows().items())
                .extracting(RankingRow::name, RankingRow::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ППО Альфа", new BigDecimal("60.00")),
                        org.assertj.core.groups.Tuple.tuple("ППО Бета", new BigDecimal("40.00")));
        // Filtered by a part of the name, folded for case.
        assertThat(actors.as(Fixture.ADMIN_A, () -> rating.ranking(territorial, month, "бета", PageRequest.of(0, 20)))
                        .rows()
                        .items())
                .extracting(RankingRow::name, RankingRow::place)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ППО Бета", 2));
        await().atMost(Patience.AFTER_COMMIT)
                .untilAsserted(() -> assertThat(actors.as(
                                        Fixture.ADMIN_A,
                                        () -> auditLog.forSubtree(
                                                territorial,
                                                new AuditFilter("RATING_WEIGHTS_CHANGED", null, null, null),
                                                PageRequest.of(0, 10)))
                                .items())
                        .extracting(AuditEntry::details)
                        .containsExactly(
                                "Назначен информационный работник 60 %, Доля сметы на информационную работу 40 %"));
    }

    @Test
    void aRegionRanksEveryPrimaryOrganizationOfItsSubtreeAndNarrowsToATerritorialOneKeepingThePlaces() {
        YearMonth month = Periods.current(clock);
        long region = fixture.organization(
                fixture.union(), OrganizationKind.REGIONAL, "Рейтинговая областная " + Fixture.unique("R"));
        long north = fixture.organization(region, OrganizationKind.TERRITORIAL, "Северная городская");
        long south = fixture.organization(region, OrganizationKind.TERRITORIAL, "Южная городская");
        long northSchool = primary(north, "ППО школы № 1", 100, null);
        long southSchool = primary(south, "ППО школы № 1", 100, "Петрова Анна Ивановна");
        long regional = primary(region, "ППО областной больницы", 100, null);
        String regionAdmin = fixture.account(region, Role.ORG_ADMIN);
        actors.run(regionAdmin, () -> {
            indicators.saveEntry(northSchool, month, spending(10));
            indicators.saveEntry(southSchool, month, spending(10));
        });

        Ranking ranking = actors.as(regionAdmin, () -> rating.ranking(region, month, null, PageRequest.of(0, 20)));

        assertThat(ranking.rankedCount()).isEqualTo(3);
        assertThat(ranking.rows().items())
                .extracting(RankingRow::organizationId, RankingRow::place, RankingRow::parentName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(southSchool, 1, "Южная городская"),
                        org.assertj.core.groups.Tuple.tuple(northSchool, 2, "Северная городская"),
                        org.assertj.core.groups.Tuple.tuple(regional, 3, null));
        assertThat(ranking.levels())
                .extracting(Ranking.Level::name)
                .containsExactly("Северная городская", "Южная городская");
        Ranking northOnly =
                actors.as(regionAdmin, () -> rating.ranking(region, month, null, north, PageRequest.of(0, 20)));
        assertThat(northOnly.rows().items())
                .as("narrowed to the territorial organization, the place stays the region's")
                .extracting(RankingRow::organizationId, RankingRow::place)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(northSchool, 2));
        assertThat(northOnly.rows().total()).isEqualTo(1);
        assertThat(actors.as(regionAdmin, () -> rating.ranking(region, month, null, PageRequest.of(1, 2)))
                        .rows()
                        .items())
                .extracting(RankingRow::organizationId)
                .containsExactly(regional);
        assertRefused(
                Kind.INVALID,
                "within",
                "rating.within.unknown",
                () -> actors.as(
                        regionAdmin,
                        () -> rating.ranking(region, month, null, fixture.territorialA1(), PageRequest.of(0, 20))));
    }

    @Test
    void refusesWeightsThatDoNotAddUpAndLetsOnlyAdministratorsSetThem() {
        long territorial = territorial();
        var before = database.take();

        ProfkomException refusal = assertRefused(
                Kind.INVALID,
                "weights",
                "rating.weights.sum",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> rating.setWeights(territorial, Map.of("INFO_WORKER", 50, "CHANNELS", 40))));
        assertThat(messages.getMessage(
                        refusal.problems().getFirst().messageKey(),
                        refusal.problems().getFirst().arguments(),
                        Locale.forLanguageTag("ru")))
                .isEqualTo("Сумма весов должна быть ровно 100 %, сейчас 90 %.");
        assertRefused(
                Kind.INVALID,
                "weight.CHANNELS",
                "rating.weights.range",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> rating.setWeights(territorial, Map.of("INFO_WORKER", 150, "CHANNELS", -50))));
        assertRefused(
                Kind.INVALID,
                "weights",
                "rating.weights.unknown",
                () -> actors.run(Fixture.ADMIN_A, () -> rating.setWeights(territorial, Map.of("NO_SUCH", 100))));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.run(
                        Fixture.INFO_WORKER_A1,
                        () -> rating.setWeights(fixture.territorialA1(), Map.of("INFO_WORKER", 100))));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.run(Fixture.ADMIN_B, () -> rating.setWeights(territorial, Map.of("INFO_WORKER", 100))));
        database.assertUnchangedSince(before);
    }

    @Test
    void sendsTheMonthlyReportAndTheParentSeesWhoSentIt() {
        YearMonth month = Periods.current(clock);
        long territorial = territorial();
        long sender = primary(territorial, "ППО отправившая", 50, null);
        primary(territorial, "ППО молчащая", 50, null);
        String infoWorker = fixture.account(sender, Role.INFO_WORKER);

        actors.run(infoWorker, () -> reports.send(sender, month));

        var all = actors.as(
                Fixture.ADMIN_A, () -> reports.childReports(territorial, month, null, null, PageRequest.of(0, 10)));
        assertThat(all.items())
                .extracting(ChildReport::name, report -> report.sentAt() != null)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ППО отправившая", true),
                        org.assertj.core.groups.Tuple.tuple("ППО молчащая", false));
        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> reports.childReports(territorial, month, null, false, PageRequest.of(0, 10)))
                        .items())
                .extracting(ChildReport::name)
                .containsExactly("ППО молчащая");
        // The sender's own organization cannot read its parent's list.
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        infoWorker, () -> reports.childReports(territorial, month, null, null, PageRequest.of(0, 10))));
    }

    @Test
    void rendersTheMonthlyReportAsPdfWithRussianTextAndAsXlsx() throws Exception {
        YearMonth month = Periods.current(clock);
        long primary = primary(territorial(), "ППО станции скорой помощи", 80, "Кузнецова Мария Андреевна");
        actors.run(
                Fixture.ADMIN_A,
                () -> indicators.addChannel(primary, month, Channel.Kind.TELEGRAM, "https://t.me/skoraya_ppo", 40));

        MvcResult pdf = mvc.perform(get("/orgs/" + primary + "/info-report.pdf?period=" + month)
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(pdf.getResponse().getContentAsByteArray());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text)
                .contains("Ежемесячный отчёт об информационной работе")
                .contains("ППО станции скорой помощи")
                .contains("Назначен информационный работник")
                .contains("https://t.me/skoraya_ppo");

        MvcResult xlsx = mvc.perform(get("/orgs/" + primary + "/info-report.xlsx?period=" + month)
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            List<String> firstColumn = workbook.getFirstSheet()
                    .openStream()
                    .map(row -> row.getCellText(0))
                    .toList();
            assertThat(firstColumn).contains("Показатель", "Назначен информационный работник", "Telegram");
        }
        assertThat(mvc.perform(get("/orgs/" + fixture.primaryB1() + "/info-report.pdf")
                                .with(actors.signedIn(Fixture.ADMIN_A)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private static IndicatorEntry spending(int percent) {
        return new IndicatorEntry(new BigDecimal("1000"), BigDecimal.valueOf(percent * 10L), null, null, null, null);
    }

    private long territorial() {
        return fixture.organization(
                fixture.regionA(), OrganizationKind.TERRITORIAL, "Рейтинговая территориальная " + Fixture.unique("T"));
    }

    private long primary(long parent, String name, Integer headcount, String infoWorker) {
        return actors.asSystem(() -> organizations
                .createChild(
                        parent,
                        new OrganizationForm(
                                OrganizationKind.PRIMARY,
                                Fixture.unique("PPO"),
                                name,
                                name,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                headcount,
                                null,
                                infoWorker,
                                null))
                .id());
    }
}

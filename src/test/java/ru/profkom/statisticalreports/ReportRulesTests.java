package ru.profkom.statisticalreports;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.statisticalreports.ReportRules.LineValue;

class ReportRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void acceptsOnlyYearsThatHaveEndedSinceTheUnionExists() {
        assertThat(ReportRules.checkYear(2025, TODAY)).isEqualTo(2025);
        assertThat(ReportRules.checkYear(ReportRules.FIRST_YEAR, TODAY)).isEqualTo(ReportRules.FIRST_YEAR);
        assertThat(ReportRules.checkYear(2026, LocalDate.of(2027, 1, 1))).isEqualTo(2026);

        assertRefused(Kind.INVALID, "year", "statreport.year.future", () -> ReportRules.checkYear(2026, TODAY));
        assertRefused(Kind.INVALID, "year", "statreport.year.future", () -> ReportRules.checkYear(2030, TODAY));
        assertRefused(Kind.INVALID, "year", "statreport.year.tooEarly", () -> ReportRules.checkYear(1985, TODAY));
    }

    @Test
    void isDueAtTheParentByTheFirstOfMarchAfterTheYear() {
        assertThat(ReportRules.deadline(2025)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ReportRules.deadline(2027)).isEqualTo(LocalDate.of(2028, 3, 1));
    }

    @Test
    void describesTheFirstOfJanuaryAfterTheYear() {
        assertThat(ReportRules.asOf(2025)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ReportRules.lastDay(2025)).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void keepsRegistryLinesWithTheRegistryUntilCorrectedByHand() {
        Map<ReportLine, Long> registry = Map.of(ReportLine.MEMBERS, 10L, ReportLine.WORKERS, 10L);

        Map<ReportLine, LineValue> fresh = ReportRules.merge(Map.of(), null, registry);
        assertThat(fresh.get(ReportLine.MEMBERS)).isEqualTo(new LineValue(10L, 10L, false));
        assertThat(fresh.get(ReportLine.WOMEN)).isEqualTo(new LineValue(0L, 0L, false));
        assertThat(fresh.get(ReportLine.TRAINED_ACTIVISTS)).isEqualTo(new LineValue(null, null, false));

        Map<ReportLine, LineValue> corrected =
                ReportRules.merge(fresh, Map.of(ReportLine.MEMBERS, 12L, ReportLine.TRAINED_ACTIVISTS, 3L), registry);
        assertThat(corrected.get(ReportLine.MEMBERS)).isEqualTo(new LineValue(10L, 12L, true));
        assertThat(corrected.get(ReportLine.TRAINED_ACTIVISTS)).isEqualTo(new LineValue(null, 3L, false));

        // The registry moves on: a corrected line keeps its value, the others follow.
        Map<ReportLine, Long> later = Map.of(ReportLine.MEMBERS, 11L, ReportLine.WORKERS, 11L);
        Map<ReportLine, LineValue> reread = ReportRules.merge(corrected, null, later);
        assertThat(reread.get(ReportLine.MEMBERS)).isEqualTo(new LineValue(11L, 12L, true));
        assertThat(reread.get(ReportLine.WORKERS)).isEqualTo(new LineValue(11L, 11L, false));

        // The registry's own value, or null, puts a line back to the registry; null empties a hand line.
        Map<ReportLine, Long> back = new HashMap<>();
        back.put(ReportLine.MEMBERS, 11L);
        back.put(ReportLine.TRAINED_ACTIVISTS, null);
        Map<ReportLine, LineValue> restored = ReportRules.merge(reread, back, later);
        assertThat(restored.get(ReportLine.MEMBERS)).isEqualTo(new LineValue(11L, 11L, false));
        assertThat(restored.get(ReportLine.TRAINED_ACTIVISTS)).isEqualTo(new LineValue(null, null, false));
        Map<ReportLine, Long> cleared = new HashMap<>();
        cleared.put(ReportLine.MEMBERS, null);
        assertThat(ReportRules.merge(corrected, cleared, later).get(ReportLine.MEMBERS))
                .isEqualTo(new LineValue(11L, 11L, false));
    }

    @Test
    void acceptsAConsistentReport() {
        ReportRules.validate(consistent(), true);
    }

    @Test
    void refusesNegativeAndAbsurdNumbersNamingEveryLine() {
        Map<ReportLine, LineValue> lines = consistent();
        lines.put(ReportLine.JOINED, own(-1));
        lines.put(ReportLine.HEADCOUNT, own(ReportLine.MAX_PEOPLE + 1));
        lines.put(ReportLine.COLLECTIVE_AGREEMENTS, own(ReportLine.MAX_ORGANIZATIONS + 1));

        ProfkomException refusal = assertRefused(
                Kind.INVALID, "JOINED", "statreport.value.negative", () -> ReportRules.validate(lines, false));
        assertThat(refusal.problems())
                .extracting(ProfkomException.Problem::field, ProfkomException.Problem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("JOINED", "statreport.value.negative"),
                        org.assertj.core.groups.Tuple.tuple("HEADCOUNT", "statreport.value.tooLarge"),
                        org.assertj.core.groups.Tuple.tuple("COLLECTIVE_AGREEMENTS", "statreport.value.tooLarge"));
    }

    @Test
    void refusesPartsLargerThanTheWholeAndCategoriesThatDoNotAddUp() {
        Map<ReportLine, LineValue> lines = consistent();
        lines.put(ReportLine.WOMEN, own(101));
        lines.put(ReportLine.YOUTH, own(150));
        lines.put(ReportLine.WORKERS, own(95));
        lines.put(ReportLine.COVERED_BY_AGREEMENTS, own(5000));

        ProfkomException refusal = assertRefused(
                Kind.INVALID, "WOMEN", "statreport.value.moreThanMembers", () -> ReportRules.validate(lines, false));
        assertThat(refusal.problems())
                .extracting(ProfkomException.Problem::field, ProfkomException.Problem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("WOMEN", "statreport.value.moreThanMembers"),
                        org.assertj.core.groups.Tuple.tuple("YOUTH", "statreport.value.moreThanMembers"),
                        org.assertj.core.groups.Tuple.tuple("MEMBERS", "statreport.value.categoriesSum"),
                        org.assertj.core.groups.Tuple.tuple(
                                "COVERED_BY_AGREEMENTS", "statreport.value.aboveHeadcount"));
    }

    @Test
    void requiresTheHandLinesOnlyWhenSubmitting() {
        Map<ReportLine, LineValue> lines = consistent();
        lines.put(ReportLine.TRAINED_ACTIVISTS, new LineValue(null, null, false));

        ReportRules.validate(lines, false);
        assertRefused(
                Kind.INVALID,
                "TRAINED_ACTIVISTS",
                "statreport.value.required",
                () -> ReportRules.validate(lines, true));
    }

    @Test
    void sumsTheChildrensLinesWithEmptyLinesAsZero() {
        Map<ReportLine, Long> first = new EnumMap<>(ReportLine.class);
        first.put(ReportLine.MEMBERS, 120L);
        first.put(ReportLine.WOMEN, 80L);
        first.put(ReportLine.TRAINED_ACTIVISTS, null);
        Map<ReportLine, Long> second = Map.of(ReportLine.MEMBERS, 30L, ReportLine.TRAINED_ACTIVISTS, 2L);

        Map<ReportLine, Long> sum = ReportRules.sum(List.of(first, second));

        assertThat(sum).hasSize(ReportLine.values().length);
        assertThat(sum.get(ReportLine.MEMBERS)).isEqualTo(150);
        assertThat(sum.get(ReportLine.WOMEN)).isEqualTo(80);
        assertThat(sum.get(ReportLine.TRAINED_ACTIVISTS)).isEqualTo(2);
        assertThat(sum.get(ReportLine.YOUTH)).isZero();
        assertThat(ReportRules.sum(List.of()).values()).containsOnly(0L);
    }

    @Test
    void computesTheMembershipLevelOnlyWithAHeadcount() {
        assertThat(ReportRules.membershipLevel(639, 1000)).isEqualTo(63.9);
        assertThat(ReportRules.membershipLevel(5, 0)).isNull();
    }

    /** 100 members: 90 working, 10 pensioners, 60 women, 30 young; 1,000 employees; every hand line filled. */
    private static Map<ReportLine, LineValue> consistent() {
        Map<ReportLine, LineValue> lines = new EnumMap<>(ReportLine.class);
        for (ReportLine line : ReportLine.values()) {
            lines.put(line, own(0));
        }
        lines.put(ReportLine.MEMBERS, own(100));
        lines.put(ReportLine.WORKERS, own(90));
        lines.put(ReportLine.PENSIONERS, own(10));
        lines.put(ReportLine.WOMEN, own(60));
        lines.put(ReportLine.YOUTH, own(30));
        lines.put(ReportLine.HEADCOUNT, own(1000));
        lines.put(ReportLine.COVERED_BY_AGREEMENTS, own(900));
        return lines;
    }

    private static LineValue own(long value) {
        return new LineValue(value, value, false);
    }
}

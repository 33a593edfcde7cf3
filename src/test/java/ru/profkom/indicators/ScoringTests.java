package ru.profkom.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTests {

    @Test
    void multipliesNormalizedValuesByWeightsAndAddsThePoints() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("A", 50);
        weights.put("B", 30);
        weights.put("C", 20);

        Scoring.Score score = Scoring.score(
                weights, Map.of("A", new BigDecimal("1"), "B", new BigDecimal("0.5")), Map.of("A", "name.A"));

        assertThat(score.lines())
                .extracting(Scoring.ScoreLine::code, Scoring.ScoreLine::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", new BigDecimal("50.00")),
                        org.assertj.core.groups.Tuple.tuple("B", new BigDecimal("15.00")),
                        org.assertj.core.groups.Tuple.tuple("C", new BigDecimal("0.00")));
        assertThat(score.total()).isEqualByComparingTo("65");
        assertThat(score.lines().getFirst().nameKey()).isEqualTo("name.A");
    }

    @Test
    void leavesIndicatorsWithoutWeightOutOfTheExplanation() {
        Scoring.Score score = Scoring.score(
                Map.of("A", 100, "B", 0), Map.of("A", new BigDecimal("0.3333"), "B", BigDecimal.ONE), Map.of());

        assertThat(score.lines()).extracting(Scoring.ScoreLine::code).containsExactly("A");
        assertThat(score.total()).isEqualByComparingTo("33.33");
    }

    @Test
    void clampsValuesOutsideZeroToOne() {
        Scoring.Score score = Scoring.score(
                Map.of("A", 60, "B", 40), Map.of("A", new BigDecimal("1.7"), "B", new BigDecimal("-2")), Map.of());

        assertThat(score.total()).isEqualByComparingTo("60");
    }

    @Test
    void normalizesAtLeastTargetsProportionallyAndCapsAtOne() {
        Target fivePercent = Target.atLeast(5);

        assertThat(fivePercent.normalize(new BigDecimal("2.5"))).isEqualByComparingTo("0.5");
        assertThat(fivePercent.normalize(new BigDecimal("12"))).isEqualByComparingTo("1");
        assertThat(fivePercent.normalize(null)).isEqualByComparingTo("0");
        assertThat(fivePercent.isMet(new BigDecimal("5"))).isTrue();
        assertThat(fivePercent.isMet(new BigDecimal("4.99"))).isFalse();
    }

    @Test
    void normalizesTheWeeklyRuleToOneWithinSevenDaysAndZeroAtFourWeeks() {
        Target week = Target.atMost(7);

        assertThat(week.normalize(BigDecimal.valueOf(3))).isEqualByComparingTo("1");
        assertThat(week.normalize(BigDecimal.valueOf(7))).isEqualByComparingTo("1");
        assertThat(week.normalize(BigDecimal.valueOf(14))).isEqualByComparingTo("0.6667");
        assertThat(week.normalize(BigDecimal.valueOf(28))).isEqualByComparingTo("0");
        assertThat(week.normalize(BigDecimal.valueOf(90))).isEqualByComparingTo("0");
        assertThat(week.isMet(BigDecimal.valueOf(8))).isFalse();
    }

    @Test
    void scoresDigitalMaturityInFiveParts() {
        List<Channel> siteAndVk = List.of(
                new Channel(1, 1, Channel.Kind.SITE, "https://example.ru", 100),
                new Channel(2, 1, Channel.Kind.VK, "https://vk.com/x", 150));

        assertThat(DigitalMaturity.score(false, List.of(), null, false)).isEqualByComparingTo("0");
        // 20 + 20 + 20 + coverage 250 / 1000 = 25 % of the 50 % norm → 10 + 20
        assertThat(DigitalMaturity.score(true, siteAndVk, 1000, true)).isEqualByComparingTo("90");
        assertThat(DigitalMaturity.score(true, siteAndVk, 500, true)).isEqualByComparingTo("100");
        assertThat(DigitalMaturity.score(false, siteAndVk, null, false)).isEqualByComparingTo("40");
    }
}

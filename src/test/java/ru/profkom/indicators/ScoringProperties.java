package ru.profkom.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every rating score explains itself: its lines add up to it exactly, whatever the weights and values. */
class ScoringProperties {

    record Case(Map<String, Integer> weights, Map<String, BigDecimal> normalized) {}

    @Property(tries = 2000)
    void explanationAddsUpToTheScoreExactly(@ForAll("cases") Case input) {
        Scoring.Score score = Scoring.score(input.weights(), input.normalized(), Map.of());

        BigDecimal sum = score.lines().stream().map(Scoring.ScoreLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(score.total());
        // What the page shows: each line's points as written with two decimals, added by the reader.
        BigDecimal shown = score.lines().stream()
                .map(line -> new BigDecimal(line.points().setScale(2).toPlainString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(shown).isEqualByComparingTo(new BigDecimal(score.total().toPlainString()));
    }

    @Property(tries = 2000)
    void scoreStaysWithinZeroAndHundredAndEachLineWithinItsWeight(@ForAll("cases") Case input) {
        Scoring.Score score = Scoring.score(input.weights(), input.normalized(), Map.of());

        assertThat(score.total()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        for (Scoring.ScoreLine line : score.lines()) {
            assertThat(line.points()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(line.weight()));
            assertThat(line.points())
                    .isEqualByComparingTo(line.normalized()
                            .multiply(BigDecimal.valueOf(line.weight()))
                            .setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }

    @Property(tries = 500)
    void fullMarksEverywhereGiveExactlyAHundred(@ForAll("cases") Case input) {
        Map<String, BigDecimal> full = new LinkedHashMap<>();
        input.weights().keySet().forEach(code -> full.put(code, BigDecimal.ONE));

        assertThat(Scoring.score(input.weights(), full, Map.of()).total()).isEqualByComparingTo("100");
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 12);
        return count.flatMap(n -> Combinators.combine(
                        weightsAddingToHundred(n),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, BigDecimal.ONE)
                                .ofScale(4)
                                .list()
                                .ofSize(n))
                .as((weights, values) -> {
                    Map<String, Integer> weightMap = new LinkedHashMap<>();
                    Map<String, BigDecimal> valueMap = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        weightMap.put("I" + i, weights.get(i));
                        valueMap.put("I" + i, values.get(i));
                    }
                    return new Case(weightMap, valueMap);
                }));
    }

    /** {@code n} whole weights from 0 to 100 adding up to 100: cut points on 0..100, sorted. */
    private static Arbitrary<List<Integer>> weightsAddingToHundred(int n) {
        return Arbitraries.integers().between(0, 100).list().ofSize(n - 1).map(cuts -> {
            List<Integer> sorted = new ArrayList<>(cuts);
            sorted.add(0);
            sorted.add(100);
            sorted.sort(Integer::compareTo);
            List<Integer> weights = new ArrayList<>();
            for (int i = 1; i < sorted.size(); i++) {
                weights.add(sorted.get(i) - sorted.get(i - 1));
            }
            return weights;
        });
    }
}

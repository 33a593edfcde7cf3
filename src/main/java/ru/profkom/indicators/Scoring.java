package ru.profkom.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rating score: for each weighted indicator, its normalized value (0 to 1) times its weight (whole
 * percent) gives points, rounded to hundredths; the score is the sum of those points, 0 to 100. The
 * score is computed from the rounded lines themselves, so the explanation always adds up to it.
 */
public final class Scoring {

    private Scoring() {}

    /** One line of a score's explanation: indicator → normalized value × weight = points. */
    public record ScoreLine(String code, String nameKey, BigDecimal normalized, int weight, BigDecimal points) {}

    public record Score(BigDecimal total, List<ScoreLine> lines) {}

    /**
     * @param weights weight by indicator code, in the order the lines are wanted
     * @param normalized normalized value by code; a code missing here counts as 0
     * @param names message key of each code's name
     */
    public static Score score(
            Map<String, Integer> weights, Map<String, BigDecimal> normalized, Map<String, String> names) {
        List<ScoreLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, Integer> weight : weights.entrySet()) {
            if (weight.getValue() == 0) {
                continue;
            }
            BigDecimal value = IndicatorValue.clamp(normalized.getOrDefault(weight.getKey(), BigDecimal.ZERO));
            BigDecimal points =
                    value.multiply(BigDecimal.valueOf(weight.getValue())).setScale(2, RoundingMode.HALF_UP);
            lines.add(new ScoreLine(
                    weight.getKey(),
                    names.getOrDefault(weight.getKey(), weight.getKey()),
                    value,
                    weight.getValue(),
                    points));
            total = total.add(points);
        }
        return new Score(total, List.copyOf(lines));
    }
}

package ru.profkom.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One organization's value of an indicator in a month: the value itself (null when there is no
 * data), how far it meets the target from 0 to 1 (four decimals), and where it comes from — a
 * message key of the indicator's bundle with one argument (a date, a name, a count).
 */
public record IndicatorValue(BigDecimal value, BigDecimal normalized, String sourceKey, String sourceDetail) {

    public IndicatorValue {
        normalized = clamp(normalized == null ? BigDecimal.ZERO : normalized);
        sourceDetail = sourceDetail == null ? "" : sourceDetail;
    }

    public static IndicatorValue of(BigDecimal value, Target target, String sourceKey, String sourceDetail) {
        return new IndicatorValue(value, target.normalize(value), sourceKey, sourceDetail);
    }

    /** No data for the month: shown as such and counted as 0 in the rating. */
    public static IndicatorValue missing(String sourceKey) {
        return new IndicatorValue(null, BigDecimal.ZERO, sourceKey, "");
    }

    static BigDecimal clamp(BigDecimal normalized) {
        BigDecimal bounded = normalized.max(BigDecimal.ZERO).min(BigDecimal.ONE);
        return bounded.setScale(4, RoundingMode.HALF_UP);
    }
}

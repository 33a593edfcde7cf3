package ru.profkom.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The norm an indicator is held to: at least or at most a value (≥ 5 %, ≤ 7 days). */
public record Target(Comparison comparison, BigDecimal value) {

    public enum Comparison {
        AT_LEAST,
        AT_MOST
    }

    public static Target atLeast(long value) {
        return new Target(Comparison.AT_LEAST, BigDecimal.valueOf(value));
    }

    public static Target atMost(long value) {
        return new Target(Comparison.AT_MOST, BigDecimal.valueOf(value));
    }

    public boolean isMet(BigDecimal actual) {
        if (actual == null) {
            return false;
        }
        int order = actual.compareTo(value);
        return comparison == Comparison.AT_LEAST ? order >= 0 : order <= 0;
    }

    /**
     * The value as a share of meeting the target, 0 to 1: at least — the value over the target,
     * capped at 1; at most — 1 up to the target, then falling linearly to 0 at four times the target.
     */
    public BigDecimal normalize(BigDecimal actual) {
        if (actual == null || actual.signum() < 0) {
            return BigDecimal.ZERO;
        }
        if (comparison == Comparison.AT_LEAST) {
            if (value.signum() == 0) {
                return BigDecimal.ONE;
            }
            return IndicatorValue.clamp(actual.divide(value, 4, RoundingMode.HALF_UP));
        }
        if (actual.compareTo(value) <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal over = actual.subtract(value);
        BigDecimal span = value.multiply(BigDecimal.valueOf(3)).max(BigDecimal.ONE);
        return IndicatorValue.clamp(BigDecimal.ONE.subtract(over.divide(span, 4, RoundingMode.HALF_UP)));
    }
}

package ru.profkom.indicators;

import java.math.BigDecimal;

/** An indicator of one organization in one month as the pages, the API and the report show it. */
public record IndicatorReading(
        String code,
        String nameKey,
        IndicatorProvider.Unit unit,
        Target target,
        BigDecimal value,
        BigDecimal normalized,
        boolean met,
        String sourceKey,
        String sourceDetail) {}

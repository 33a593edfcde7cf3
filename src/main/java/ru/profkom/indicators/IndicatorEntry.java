package ru.profkom.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an organization enters by hand for a month; every field may stay empty. The budget and the
 * information-work spending are in roubles.
 */
public record IndicatorEntry(
        BigDecimal budget,
        BigDecimal infoSpending,
        Integer stands,
        LocalDate standsUpdatedOn,
        Integer periodicalSubscriptions,
        Integer trainedInfoWorkers) {

    public static final IndicatorEntry EMPTY = new IndicatorEntry(null, null, null, null, null, null);
}

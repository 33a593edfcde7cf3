package ru.profkom.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * A primary organization's place in a subtree's ranking for a month, its place the month before
 * (null when it was not ranked), its score with the explanation and the name of its parent (null when
 * that is the ranked subtree's root).
 */
public record RankingRow(
        int place,
        Integer previousPlace,
        long organizationId,
        String name,
        BigDecimal score,
        List<Scoring.ScoreLine> lines,
        String parentName) {

    /** Places gained since the previous month: positive is up, negative down, null when new. */
    public Integer trend() {
        return previousPlace == null ? null : previousPlace - place;
    }
}

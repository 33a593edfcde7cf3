package ru.profkom.indicators;

import java.time.YearMonth;
import java.util.List;
import ru.profkom.shared.Page;

/**
 * The ranking of the primary organizations anywhere inside an organization for a month: the weights it
 * was computed with (and the organization that set them, null for the defaults), one page of rows (of those
 * inside {@code withinId} when set), how many were ranked in all, and the organizations between that the
 * rows may be narrowed to.
 */
public record Ranking(
        long organizationId,
        YearMonth period,
        List<WeightLine> weights,
        Long weightsSetBy,
        String weightsSetByName,
        Page<RankingRow> rows,
        int rankedCount,
        Long withinId,
        List<Level> levels) {

    /** An organization between the ranked subtree's root and its primary organizations; depth 0 is a child. */
    public record Level(long id, String name, int depth) {}
}

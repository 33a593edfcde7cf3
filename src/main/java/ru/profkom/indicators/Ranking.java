package ru.profkom.indicators;

import java.time.YearMonth;
import java.util.List;
import ru.profkom.shared.Page;

/**
 * The ranking of the primary organizations directly inside an organization for a month: the weights
 * it was computed with (and the organization that set them, null for the defaults) and one page of
 * rows.
 */
public record Ranking(
        long organizationId,
        YearMonth period,
        List<WeightLine> weights,
        Long weightsSetBy,
        String weightsSetByName,
        Page<RankingRow> rows) {}

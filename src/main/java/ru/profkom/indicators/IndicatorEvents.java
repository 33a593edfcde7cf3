package ru.profkom.indicators;

import java.time.YearMonth;
import ru.profkom.shared.Actor;

/** What changed in the information-work data; the audit log records each. */
public final class IndicatorEvents {

    private IndicatorEvents() {}

    /** The hand-entered data of a month was saved; {@code fields} names what changed. */
    public record IndicatorDataSaved(long organizationId, String path, YearMonth period, String fields, Actor actor) {}

    public record ChannelAdded(long organizationId, String path, YearMonth period, String description, Actor actor) {}

    public record ChannelRemoved(long organizationId, String path, YearMonth period, String description, Actor actor) {}

    /** The weights the organization rates its subtree with, now. */
    public record RatingWeightsChanged(
            long organizationId, String path, java.util.List<WeightLine> weights, Actor actor) {}

    public record InfoReportSent(long organizationId, String path, YearMonth period, Long parentId, Actor actor) {}
}

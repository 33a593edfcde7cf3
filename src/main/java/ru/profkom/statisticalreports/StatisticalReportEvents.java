package ru.profkom.statisticalreports;

import java.util.List;
import ru.profkom.shared.Actor;

/** What happened to a yearly report; the audit log records each. */
public final class StatisticalReportEvents {

    private StatisticalReportEvents() {}

    /** A line's own value before and after a save (null: empty), and whether it is now corrected by hand. */
    public record LineChange(ReportLine line, Long before, Long after, boolean corrected) {}

    public record StatisticalReportSaved(
            long organizationId, String path, int year, List<LineChange> changes, Actor actor) {}

    public record StatisticalReportSubmitted(long organizationId, String path, int year, Long parentId, Actor actor) {}

    public record StatisticalReportAccepted(long organizationId, String path, int year, Actor actor) {}

    public record StatisticalReportReturned(long organizationId, String path, int year, String comment, Actor actor) {}
}

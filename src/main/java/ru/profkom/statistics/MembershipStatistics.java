package ru.profkom.statistics;

import java.time.LocalDate;
import java.util.List;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/**
 * Membership statistics of any organization's subtree, for pages, the API and other modules (the
 * yearly statistical report, the rating). Statistics are not personal data, but only staff may read
 * them: staff of the organization's subtree and of its ancestors. Anyone else gets "not found".
 * Every answer reads counters kept per organization and rolled up to each ancestor, never the
 * registry, so the union's root answers as fast as a primary organization.
 */
public interface MembershipStatistics {

    /** The figures at the end of the day {@code date} (not in the future). */
    MembershipFigures figures(long organizationId, LocalDate date);

    /** Joins, exits and transfers from {@code from} to {@code to}, both included. */
    MembershipMovement movement(long organizationId, LocalDate from, LocalDate to);

    /** One point per month from the month of {@code from} to the month of {@code to}, each at its month's end or {@code to}. */
    List<MonthlyPoint> monthlySeries(long organizationId, LocalDate from, LocalDate to);

    /** The figures of the organization's children, in the tree's order, for a drill-down. */
    Page<ChildFigures> childrenFigures(long organizationId, LocalDate date, PageRequest page);

    /**
     * The movement of the organization's children over a period, in the tree's order, a page at a time: one
     * query for the page, so that a report can take its children's part out of the subtree's movement.
     */
    Page<ChildMovement> childrenMovement(long organizationId, LocalDate from, LocalDate to, PageRequest page);

    /** Whether the current actor may read the organization's statistics; never throws. */
    boolean canRead(long organizationId);

    /**
     * Rebuilds every counter from the registry and the tree from scratch, reports where the
     * incremental counters differed, and keeps the recount. Runs as the system; for the command line
     * and administrators.
     */
    RecountReport recount();
}

package ru.profkom.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import ru.profkom.shared.WorkItem;

/**
 * The order of the home's list: the overdue first, then the urgent, then the rest; inside each, the nearest
 * deadline first (items without one after those with one) and then the newest.
 */
public final class WorkOrder {

    public static final Comparator<WorkItem> MOST_URGENT_FIRST = Comparator.comparing(WorkItem::urgency)
            .thenComparing(WorkItem::deadline, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(WorkItem::at, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(WorkItem::key);

    private WorkOrder() {}
}

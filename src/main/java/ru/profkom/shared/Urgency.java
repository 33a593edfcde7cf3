package ru.profkom.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How soon a task must be done; the home lists the overdue first, then the urgent. */
public enum Urgency {
    OVERDUE,
    URGENT,
    NORMAL;

    /** A deadline a week away or nearer is urgent; one passed is overdue. */
    public static final int URGENT_DAYS_BEFORE_DEADLINE = 7;

    /** A person waiting for an answer (an application, a request) for more than three days is urgent. */
    public static final int URGENT_DAYS_WAITING = 3;

    public static Urgency ofDeadline(LocalDate deadline, LocalDate today) {
        if (deadline.isBefore(today)) {
            return OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, deadline) <= URGENT_DAYS_BEFORE_DEADLINE ? URGENT : NORMAL;
    }

    public static Urgency ofWaiting(Instant since, Instant now) {
        return since.plus(URGENT_DAYS_WAITING, ChronoUnit.DAYS).isBefore(now) ? URGENT : NORMAL;
    }

    public String messageKey() {
        return "workspace.urgency." + name();
    }
}

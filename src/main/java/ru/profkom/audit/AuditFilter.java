package ru.profkom.audit;

import java.time.LocalDate;

/** Narrows the audit log: an action, an actor's login, a period in days (both ends included). */
public record AuditFilter(String action, String actorLogin, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}

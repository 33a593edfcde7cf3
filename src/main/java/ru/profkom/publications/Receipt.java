package ru.profkom.publications;

import java.time.Instant;

/** Whether a recipient organization opened a package: first opened when and by whom, last reminded when. */
public record Receipt(
        long organizationId, String organizationName, Instant firstOpenedAt, String firstOpenedBy, Instant remindedAt) {

    public boolean opened() {
        return firstOpenedAt != null;
    }
}

package ru.profkom.statisticalreports;

import java.time.Instant;

/** A step of a report's status trail: who moved it to which status, when, and the comment of a return. */
public record ReportStep(ReportStatus status, Instant at, String login, String comment) {}

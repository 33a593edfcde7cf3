package ru.profkom.indicators;

import java.time.Instant;

/** A child organization and whether it sent its monthly information-work report (null when not). */
public record ChildReport(long organizationId, String name, Instant sentAt) {}

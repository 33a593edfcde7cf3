package ru.profkom.statisticalreports;

import java.util.Map;

/**
 * What a save changes. {@code lines} names the lines to change: for a registry line a number corrects it by
 * hand and null (or the registry's own value) puts it back to the registry; for a hand line a number fills it
 * and null empties it. Lines not named keep their values. {@code version}, when given, must be the version the
 * editor read, so that no one overwrites a change made meanwhile.
 */
public record ReportChanges(Integer version, Map<ReportLine, Long> lines) {

    public static final ReportChanges NONE = new ReportChanges(null, Map.of());
}

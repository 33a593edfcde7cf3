package ru.profkom.statisticalreports;

import java.util.Map;

/** A child's accepted report as its parent consolidates it: the consolidated value of each line. */
public record ChildReport(long organizationId, String name, Map<ReportLine, Long> lines) {

    public long value(ReportLine line) {
        Long value = lines.get(line);
        return value == null ? 0 : value;
    }
}

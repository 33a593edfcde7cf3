package ru.profkom.statistics;

import java.time.Duration;
import java.util.List;

/**
 * What a recount from the registry found: how many memberships it read, and every counter where the
 * incremental figures differed from the recount (empty when they agreed). The recount's figures
 * replace the incremental ones.
 */
public record RecountReport(long memberships, long organizations, List<String> differences, Duration took) {

    public boolean agreed() {
        return differences.isEmpty();
    }
}

package ru.profkom.support;

import java.time.Duration;

/**
 * How long a test waits for work that happens after the commit (audit entries, sent mail). Only an
 * upper bound for a loaded machine: the wait ends as soon as the expectation holds.
 */
public final class Patience {

    public static final Duration AFTER_COMMIT = Duration.ofSeconds(60);

    private Patience() {}
}

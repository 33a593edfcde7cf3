package ru.profkom.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The application's clock in tests: the real time, unless a test runs some work "in the past"
 * with {@link #shiftedBy}. The shift is reset afterwards, whatever happens.
 */
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;

    public TestClock() {
        this(ZoneOffset.UTC);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public <T> T shiftedBy(Duration shift, Supplier<T> work) {
        Duration previous = offset;
        offset = previous.plus(shift);
        try {
            return work.get();
        } finally {
            offset = previous;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        TestClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

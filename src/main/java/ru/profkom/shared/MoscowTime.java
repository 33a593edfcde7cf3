package ru.profkom.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The union keeps its dates in Moscow time wherever a server runs: "today", the month of a report and the
 * bounds of a day all come from here, with "now" from the injected {@link Clock} so tests can move it.
 */
public final class MoscowTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private MoscowTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static YearMonth month(Clock clock) {
        return YearMonth.now(clock.withZone(ZONE));
    }

    /** The Moscow date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of a Moscow day. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}

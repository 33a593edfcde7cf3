package ru.profkom.mailings;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import ru.profkom.shared.MoscowTime;

/**
 * The Moscow time of day within which a mailing may go out ("not before 9:00, not after 21:00"): a run outside
 * it waits for the next start instead of sending.
 */
public record SendingWindow(LocalTime start, LocalTime end) {

    /** Whether {@code now} falls within the window (start included, end excluded); always when no window is set. */
    public boolean allows(Instant now) {
        if (start == null || end == null) {
            return true;
        }
        LocalTime time = now.atZone(MoscowTime.ZONE).toLocalTime();
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** {@code now} when sending is allowed, otherwise the next start of the window. */
    public Instant nextAllowed(Instant now) {
        if (allows(now)) {
            return now;
        }
        ZonedDateTime moscow = now.atZone(MoscowTime.ZONE);
        ZonedDateTime todayStart = moscow.toLocalDate().atTime(start).atZone(MoscowTime.ZONE);
        return (moscow.isBefore(todayStart) ? todayStart : todayStart.plusDays(1)).toInstant();
    }
}

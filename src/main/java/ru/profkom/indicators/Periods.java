package ru.profkom.indicators;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;

/** The month an indicator belongs to, written {@code 2026-10}; never a month still to come. */
public final class Periods {

    private Periods() {}

    public static YearMonth current(Clock clock) {
        return MoscowTime.month(clock);
    }

    /** The month of the text, or the current month for blank text; refuses bad text and the future. */
    public static YearMonth parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return current(clock);
        }
        YearMonth period;
        try {
            period = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProfkomException.invalid("period", "indicator.period.invalid");
        }
        return check(period, clock);
    }

    /** The last {@code count} months, newest first, for month pickers. */
    public static java.util.List<YearMonth> recent(Clock clock, int count) {
        java.util.List<YearMonth> periods = new java.util.ArrayList<>();
        YearMonth current = current(clock);
        for (int i = 0; i < count; i++) {
            periods.add(current.minusMonths(i));
        }
        return periods;
    }

    public static YearMonth check(YearMonth period, Clock clock) {
        if (period.isAfter(current(clock))) {
            throw ProfkomException.invalid("period", "indicator.period.future", period.toString());
        }
        if (period.getYear() < 2000) {
            throw ProfkomException.invalid("period", "indicator.period.invalid");
        }
        return period;
    }
}

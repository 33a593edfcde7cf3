package ru.profkom.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Youth is members under 35, derived at a date from the birth date and never stored per person.
 * Counters keep the birth month, so the rule works in months: a member born in month {@code m} is
 * youth at date {@code d} when {@code m} is not earlier than the month of {@code d} minus 35 years
 * — under 35 at the start of the month of {@code d}, those born on the 1st of the boundary month
 * included. A member without a birth date is never youth.
 */
public final class Youth {

    public static final int AGE_LIMIT = 35;

    private Youth() {}

    /** The earliest birth month of youth at the date. */
    public static YearMonth earliestBirthMonth(LocalDate date) {
        return YearMonth.from(date).minusYears(AGE_LIMIT);
    }

    public static boolean isYouth(LocalDate birthDate, LocalDate at) {
        return birthDate != null && !YearMonth.from(birthDate).isBefore(earliestBirthMonth(at));
    }

    /** The counters' key of a birth date: yyyymm, 0 when unknown. */
    public static int birthMonthKey(LocalDate birthDate) {
        return birthDate == null ? 0 : birthDate.getYear() * 100 + birthDate.getMonthValue();
    }

    public static int birthMonthKey(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}

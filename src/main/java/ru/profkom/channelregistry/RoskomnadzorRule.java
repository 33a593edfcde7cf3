package ru.profkom.channelregistry;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The registration of large pages with Роскомнадзор: a page (channel, community) with more than 10,000 subscribers
 * must be registered within 10 working days. The registry warns from 9,000, while there is still time to prepare.
 * Working days are Monday to Friday: the production calendar's holidays are not known here, so the deadline shown
 * may come a few days early around the New Year and May holidays, never late.
 */
public final class RoskomnadzorRule {

    /** From this count a channel shows the warning and its organization's staff get a task. */
    public static final int WARNING_AT = 9_000;

    /** Over this count the page must be registered. */
    public static final int REGISTRATION_OVER = 10_000;

    public static final int WORKING_DAYS_TO_REGISTER = 10;

    private RoskomnadzorRule() {}

    public static boolean warns(Integer subscribers) {
        return subscribers != null && subscribers >= WARNING_AT;
    }

    public static boolean mustRegister(Integer subscribers) {
        return subscribers != null && subscribers > REGISTRATION_OVER;
    }

    /** The last day to register a page that passed 10,000 subscribers on {@code passedOn}. */
    public static LocalDate registrationDeadline(LocalDate passedOn) {
        LocalDate day = passedOn;
        int left = WORKING_DAYS_TO_REGISTER;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}

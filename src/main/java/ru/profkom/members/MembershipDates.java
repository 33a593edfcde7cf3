package ru.profkom.members;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import ru.profkom.shared.Validation;

/**
 * When a transfer or a withdrawal of consent may be dated: a membership may not end before it began (nor
 * before the person was born), a consent may not be withdrawn before it was given, and nothing is dated in the
 * future. No Spring, no database: the facts come in, the problems go into the {@link Validation}.
 */
final class MembershipDates {

    /** The earliest date the registry takes for anything: no one born before 1900 is a member today. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private MembershipDates() {}

    /**
     * A transfer on {@code date} ends the membership that began on {@code joinedOn} (null when unknown) and opens
     * the next one the same day.
     */
    static void checkTransfer(
            Validation validation, String field, LocalDate date, LocalDate today, LocalDate joinedOn, LocalDate born) {
        if (date.isAfter(today)) {
            validation.reject(field, "member.date.future");
        } else if (joinedOn != null && date.isBefore(joinedOn)) {
            validation.reject(field, "member.transfer.beforeJoining", RUSSIAN.format(joinedOn));
        } else if (born != null && date.isBefore(born)) {
            validation.reject(field, "member.date.beforeBirth");
        } else if (date.isBefore(EARLIEST)) {
            validation.reject(field, "member.date.tooEarly", RUSSIAN.format(EARLIEST));
        }
    }

    /** A consent given on {@code givenOn} is withdrawn on {@code date}. */
    static void checkWithdrawal(
            Validation validation, String field, LocalDate date, LocalDate today, LocalDate givenOn) {
        if (date.isAfter(today)) {
            validation.reject(field, "member.date.future");
        } else if (givenOn != null && date.isBefore(givenOn)) {
            validation.reject(field, "member.consent.withdrawnBeforeGiven", RUSSIAN.format(givenOn));
        } else if (date.isBefore(EARLIEST)) {
            validation.reject(field, "member.date.tooEarly", RUSSIAN.format(EARLIEST));
        }
    }
}

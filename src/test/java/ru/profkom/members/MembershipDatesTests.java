package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/** The dates of a transfer and of a consent's withdrawal, without Spring or a database. */
class MembershipDatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final LocalDate JOINED = LocalDate.of(2015, 9, 1);
    private static final LocalDate BORN = LocalDate.of(1990, 4, 12);

    @Test
    void aTransferMayBeDatedFromTheDayOfJoiningToToday() {
        assertThat(transfer(JOINED, JOINED, BORN)).isEmpty();
        assertThat(transfer(TODAY, JOINED, BORN)).isEmpty();
    }

    @Test
    void aTransferBeforeJoiningWouldEndTheMembershipBeforeItBegan() {
        assertThat(transfer(JOINED.minusDays(1), JOINED, BORN)).isEqualTo("member.transfer.beforeJoining");
        assertThat(transfer(LocalDate.of(1800, 1, 1), JOINED, BORN)).isEqualTo("member.transfer.beforeJoining");
    }

    @Test
    void withoutAJoiningDateTheBirthAndThe20thCenturyBoundIt() {
        assertThat(transfer(BORN.minusDays(1), null, BORN)).isEqualTo("member.date.beforeBirth");
        assertThat(transfer(LocalDate.of(1800, 1, 1), null, null)).isEqualTo("member.date.tooEarly");
    }

    @Test
    void aTransferIsNotDatedInTheFuture() {
        assertThat(transfer(TODAY.plusDays(1), JOINED, BORN)).isEqualTo("member.date.future");
    }

    @Test
    void aConsentIsWithdrawnBetweenTheDayItWasGivenAndToday() {
        LocalDate given = LocalDate.of(2024, 3, 15);

        assertThat(withdrawal(given, given)).isEmpty();
        assertThat(withdrawal(TODAY, given)).isEmpty();
        assertThat(withdrawal(LocalDate.of(2999, 1, 1), given)).isEqualTo("member.date.future");
        assertThat(withdrawal(given.minusDays(1), given)).isEqualTo("member.consent.withdrawnBeforeGiven");
        assertThat(withdrawal(LocalDate.of(1800, 1, 1), null)).isEqualTo("member.date.tooEarly");
    }

    @Test
    void theRefusalNamesTheFieldAndTheDateInRussianOrder() {
        Validation validation = new Validation();
        MembershipDates.checkTransfer(validation, "date", JOINED.minusDays(1), TODAY, JOINED, BORN);

        ProfkomException refusal = refusal(validation);
        assertThat(refusal.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("date");
            assertThat(problem.arguments()).containsExactly("01.09.2015");
        });
    }

    private static String transfer(LocalDate date, LocalDate joined, LocalDate born) {
        Validation validation = new Validation();
        MembershipDates.checkTransfer(validation, "date", date, TODAY, joined, born);
        return keyOf(validation);
    }

    private static String withdrawal(LocalDate date, LocalDate given) {
        Validation validation = new Validation();
        MembershipDates.checkWithdrawal(validation, "date", date, TODAY, given);
        return keyOf(validation);
    }

    private static String keyOf(Validation validation) {
        return validation.hasProblems()
                ? refusal(validation).problems().getFirst().messageKey()
                : "";
    }

    private static ProfkomException refusal(Validation validation) {
        try {
            validation.throwIfInvalid();
            throw new AssertionError("no refusal");
        } catch (ProfkomException refusal) {
            return refusal;
        }
    }
}

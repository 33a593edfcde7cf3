package ru.profkom.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.ProfkomException.Problem;

public final class Refusals {

    private Refusals() {}

    /** Runs {@code call} and asserts it is refused with the kind and, among its problems, the message key. */
    public static ProfkomException assertRefused(Kind kind, String messageKey, ThrowingCallable call) {
        ProfkomException refusal = catchThrowableOfType(ProfkomException.class, call);
        assertThat(refusal)
                .as("expected a refusal with %s %s", kind, messageKey)
                .isNotNull();
        assertThat(refusal.kind()).as("kind of refusal " + refusal.problems()).isEqualTo(kind);
        assertThat(refusal.problems()).extracting(Problem::messageKey).contains(messageKey);
        return refusal;
    }

    /** Like {@link #assertRefused(Kind, String, ThrowingCallable)} and the key is reported for {@code field}. */
    public static ProfkomException assertRefused(Kind kind, String field, String messageKey, ThrowingCallable call) {
        ProfkomException refusal = assertRefused(kind, messageKey, call);
        assertThat(refusal.problems()).as("problems of the refusal").anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.messageKey()).isEqualTo(messageKey);
        });
        return refusal;
    }
}

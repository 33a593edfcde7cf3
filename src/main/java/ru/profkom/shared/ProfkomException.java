package ru.profkom.shared;

import java.util.List;

/**
 * A refusal the user must read: carries message keys (resolved in the user's language by the web
 * layer), never ready text, and the HTTP status it maps to.
 */
public class ProfkomException extends RuntimeException {

    private final Kind kind;
    private final List<Problem> problems;

    public enum Kind {
        NOT_FOUND(404),
        FORBIDDEN(403),
        INVALID(400),
        CONFLICT(409),
        TOO_LARGE(413);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    /** One thing wrong: the field (or null for the whole request), a message key and its arguments. */
    public record Problem(String field, String messageKey, Object... arguments) {}

    public ProfkomException(Kind kind, List<Problem> problems) {
        super(problems.isEmpty() ? kind.name() : problems.getFirst().messageKey());
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static ProfkomException notFound(String messageKey, Object... arguments) {
        return new ProfkomException(Kind.NOT_FOUND, List.of(new Problem(null, messageKey, arguments)));
    }

    public static ProfkomException forbidden(String messageKey, Object... arguments) {
        return new ProfkomException(Kind.FORBIDDEN, List.of(new Problem(null, messageKey, arguments)));
    }

    public static ProfkomException conflict(String messageKey, Object... arguments) {
        return new ProfkomException(Kind.CONFLICT, List.of(new Problem(null, messageKey, arguments)));
    }

    public static ProfkomException invalid(String field, String messageKey, Object... arguments) {
        return new ProfkomException(Kind.INVALID, List.of(new Problem(field, messageKey, arguments)));
    }

    /** A request body over a size limit: a file too big to accept, before any of it is read into the system. */
    public static ProfkomException tooLarge(String field, String messageKey, Object... arguments) {
        return new ProfkomException(Kind.TOO_LARGE, List.of(new Problem(field, messageKey, arguments)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}

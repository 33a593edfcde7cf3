package ru.profkom.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem of one input before refusing it, so the user sees them all at once. */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<ProfkomException.Problem> problems = new ArrayList<>();

    public Validation reject(String field, String messageKey, Object... arguments) {
        problems.add(new ProfkomException.Problem(field, messageKey, arguments));
        return this;
    }

    public Validation required(String field, String value) {
        if (value == null || value.isBlank()) {
            reject(field, "validation.required");
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "validation.tooLong", max, value.length());
        }
        return this;
    }

    public Validation email(String field, String value) {
        if (value != null
                && !value.isBlank()
                && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            reject(field, "validation.email");
        }
        return this;
    }

    public Validation inn(String field, String value) {
        if (value != null && !value.isBlank() && !Inn.isValid(value)) {
            reject(field, "validation.inn");
        }
        return this;
    }

    public Validation range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            reject(field, "validation.range", min, max);
        }
        return this;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ProfkomException(ProfkomException.Kind.INVALID, problems);
        }
    }
}

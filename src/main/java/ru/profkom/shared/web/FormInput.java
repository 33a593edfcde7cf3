package ru.profkom.shared.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.profkom.shared.ProfkomException;

/**
 * A form's fields read from text: a date or a choice that cannot be read becomes null and a problem on its field,
 * so that {@link FormRefusals#attempt} shows it beside every other problem of the form instead of alone.
 */
public final class FormInput {

    private final List<ProfkomException.Problem> problems = new ArrayList<>();

    /** {@code dd.MM.yyyy}; null for blank text, and for a date that cannot be read (with its problem). */
    public LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = Formats.parseDate(text).orElse(null);
        if (date == null) {
            problems.add(new ProfkomException.Problem(field, "validation.date"));
        }
        return date;
    }

    /** One of an enum's values by name; null for blank text, and for a name not in the list (with its problem). */
    public <E extends Enum<E>> E choice(String field, Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException unknown) {
            problems.add(new ProfkomException.Problem(field, "validation.choice"));
            return null;
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<ProfkomException.Problem> problems() {
        return List.copyOf(problems);
    }
}

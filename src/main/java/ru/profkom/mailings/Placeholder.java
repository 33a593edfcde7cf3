package ru.profkom.mailings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a message may name as {@code {{имя}}} or {@code {{name}}}: each value is per person, filled when the
 * outbox row is composed. Russian and English spellings mean the same.
 */
public enum Placeholder {
    NAME("имя", "name"),
    FULL_NAME("фио", "full_name"),
    ORGANIZATION("организация", "organization"),
    CARD_NUMBER("билет", "card"),
    CABINET_LINK("кабинет", "cabinet");

    /** {@code {{ word }}}: any run of letters, digits and underscores, spaces allowed inside the braces. */
    static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([\\p{L}\\p{N}_]+)\\s*}}");

    private final String russian;
    private final String english;

    Placeholder(String russian, String english) {
        this.russian = russian;
        this.english = english;
    }

    public String russian() {
        return russian;
    }

    public String english() {
        return english;
    }

    public static Optional<Placeholder> named(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(placeholder -> placeholder.russian.equals(lower) || placeholder.english.equals(lower))
                .findFirst();
    }
}

package ru.profkom.shared;

import java.util.Locale;

/** Text rules for Russian names: one sort and search key that ignores case, spaces and е/ё. */
public final class RussianText {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private RussianText() {}

    public static String foldedKey(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replaceAll("\\s+", " ").toLowerCase(RUSSIAN).replace('ё', 'е');
    }

    public static String normalizeSpaces(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }
}

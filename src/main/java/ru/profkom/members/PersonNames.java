package ru.profkom.members;

import java.util.Locale;
import java.util.Set;
import ru.profkom.shared.RussianText;

/**
 * The case of names as people write them. A file from 1C often carries «ВОРОБЬЕВА» or «мария»: a word written
 * all in capitals or all in small letters gets a capital first letter and small letters after, in each part of a
 * hyphenated or double name («петров-водкин» → «Петров-Водкин», «анна мария» → «Анна Мария»); a word already in
 * mixed case («МакКуин», «д'Артаньян») is left as written. And a stored name is never replaced by its own folded
 * form: «Воробьёва» stays when a file says «ВОРОБЬЕВА».
 */
final class PersonNames {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** Parts of Turkic patronymics written in small letters: «Мамедович» is «Мамед оглы». */
    private static final Set<String> SMALL_WORDS = Set.of("оглы", "кызы", "улы", "уулу", "гызы");

    private PersonNames() {}

    static String normalizeCase(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        StringBuilder result = new StringBuilder(name.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == '-' || c == '\u2010' || c == '\'' || c == '’') {
                result.append(normalizeWord(word.toString(), result.isEmpty())).append(c);
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        return result.append(normalizeWord(word.toString(), result.isEmpty())).toString();
    }

    private static String normalizeWord(String word, boolean first) {
        if (word.isEmpty()) {
            return word;
        }
        String lower = word.toLowerCase(RUSSIAN);
        String upper = word.toUpperCase(RUSSIAN);
        boolean allLower = word.equals(lower);
        boolean allUpper = word.equals(upper);
        if (!allLower && !allUpper) {
            return word;
        }
        if (!first && SMALL_WORDS.contains(lower)) {
            return lower;
        }
        return lower.substring(0, 1).toUpperCase(RUSSIAN) + lower.substring(1);
    }

    /** The stored name when the incoming one is the same once case and ё are folded, else the incoming one. */
    static String keepStored(String stored, String incoming) {
        if (stored != null
                && incoming != null
                && RussianText.foldedKey(stored).equals(RussianText.foldedKey(incoming))) {
            return stored;
        }
        return incoming;
    }
}

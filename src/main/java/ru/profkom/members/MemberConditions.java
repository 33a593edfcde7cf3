package ru.profkom.members;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import profkom.schema.Tables;
import ru.profkom.shared.Phones;
import ru.profkom.shared.RussianText;
import ru.profkom.shared.Snils;
import ru.profkom.shared.TreePaths;

/**
 * The conditions a search or an export of the registry runs under: the query within subtree paths the caller
 * has checked. No Spring, no database.
 */
final class MemberConditions {

    private MemberConditions() {}

    /** A search by name: the surname starting with the first word, then another word starting with it. */
    record NameSearch(Condition surnameFirst, Condition otherWord) {}

    /** The query within the subtrees at {@code paths}; none is nothing. */
    static Condition of(List<String> paths, MemberQuery query, LocalDate today) {
        if (paths.isEmpty()) {
            return DSL.falseCondition();
        }
        var m = Tables.MEMBERSHIP;
        var p = Tables.PERSON;
        Condition condition = DSL.or(paths.stream()
                .map(path -> TreePaths.within(m.ORGANIZATION_PATH, path))
                .toList());
        if (query.status() != null) {
            condition = condition.and(m.STATUS.eq(query.status().name()));
        }
        if (query.category() != null) {
            condition = condition.and(m.CATEGORY.eq(query.category().name()));
        }
        if (query.ageFrom() != null) {
            condition = condition.and(p.BIRTH_DATE.le(today.minusYears(query.ageFrom())));
        }
        if (query.ageTo() != null) {
            condition = condition.and(p.BIRTH_DATE.gt(today.minusYears(query.ageTo() + 1L)));
        }
        return condition.and(textCondition(query.text()));
    }

    /**
     * The two groups of a search by name within {@code scope} (a condition without the text), or empty when the
     * text is not a name.
     */
    static Optional<NameSearch> byName(Condition scope, String text) {
        List<String> words = nameWords(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        var m = Tables.MEMBERSHIP;
        String first = words.getFirst();
        Condition others = DSL.and(words.subList(1, words.size()).stream()
                .map(MemberConditions::startsAnyWord)
                .toList());
        // The range lets the name index serve the prefix whatever the database's collation; LIKE
        // keeps the meaning exact.
        Condition surnameFirst = scope.and(m.NAME_KEY.ge(first))
                .and(m.NAME_KEY.lt(prefixEnd(first)))
                .and(m.NAME_KEY.like(first + "%"))
                .and(others);
        Condition otherWord = scope.and(m.NAME_KEY.like("% " + first + "%"))
                .and(m.NAME_KEY.notLike(first + "%"))
                .and(others);
        return Optional.of(new NameSearch(surnameFirst, otherWord));
    }

    /**
     * Free text: an e-mail, a SNILS, a phone, a card number, or words of ФИО in any order, each
     * matched as the start of a word (the first also through the name index).
     */
    private static Condition textCondition(String text) {
        if (text == null || text.isBlank()) {
            return DSL.trueCondition();
        }
        var m = Tables.MEMBERSHIP;
        var p = Tables.PERSON;
        String trimmed = text.strip();
        if (trimmed.contains("@")) {
            return DSL.lower(p.EMAIL).eq(trimmed.toLowerCase());
        }
        String snils = Snils.normalize(trimmed);
        if (snils != null) {
            return p.SNILS.eq(snils).or(m.CARD_NUMBER.eq(trimmed));
        }
        Optional<String> phone = Phones.normalize(trimmed);
        if (phone.isPresent() && trimmed.replaceAll("\\D", "").length() >= 10) {
            return p.PHONE.eq(phone.get()).or(m.CARD_NUMBER.eq(trimmed));
        }
        if (trimmed.chars().anyMatch(Character::isDigit)) {
            return m.CARD_NUMBER.eq(trimmed);
        }
        return DSL.and(
                nameWords(trimmed).stream().map(MemberConditions::startsAnyWord).toList());
    }

    /** The words of a search by name, folded; none when the text is empty or is a SNILS, phone, e-mail or card. */
    private static List<String> nameWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String trimmed = text.strip();
        if (trimmed.contains("@")
                || Snils.normalize(trimmed) != null
                || trimmed.chars().anyMatch(Character::isDigit)) {
            return List.of();
        }
        return Arrays.stream(RussianText.foldedKey(trimmed).split(" "))
                .map(word -> word.replace("%", "").replace("_", ""))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** The first string after every string starting with the prefix: its last letter moved on by one. */
    static String prefixEnd(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static Condition startsAnyWord(String word) {
        var m = Tables.MEMBERSHIP;
        return m.NAME_KEY.like(word + "%").or(m.NAME_KEY.like("% " + word + "%"));
    }
}

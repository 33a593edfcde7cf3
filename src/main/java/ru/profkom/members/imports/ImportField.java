package ru.profkom.members.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a column of an import file holds; each is recognized by the usual Russian headers. */
public enum ImportField {
    FULL_NAME("фио", "ф.и.о.", "ф.и.о", "фамилия имя отчество", "фамилия, имя, отчество", "full name"),
    LAST_NAME("фамилия", "last name"),
    FIRST_NAME("имя", "first name"),
    PATRONYMIC("отчество", "patronymic"),
    BIRTH_DATE("дата рождения", "д.р.", "дата рожд.", "birth date"),
    GENDER("пол", "gender"),
    SNILS("снилс", "№ снилс", "номер снилс", "snils"),
    PHONE("телефон", "моб. телефон", "мобильный телефон", "тел.", "phone"),
    EMAIL("e-mail", "email", "эл. почта", "электронная почта", "e-mail адрес"),
    POSITION("должность", "position"),
    DEPARTMENT("подразделение", "отдел", "структурное подразделение", "department"),
    JOINED_ON("дата вступления", "дата вступления в профсоюз", "joined on"),
    CARD_NUMBER(
            "№ профсоюзного билета",
            "номер профсоюзного билета",
            "профсоюзный билет",
            "номер билета",
            "№ билета",
            "card number"),
    CATEGORY("категория", "category"),
    ORGANIZATION("организация", "код организации", "организация (код)", "ппо", "organization"),
    IGNORE();

    private final List<String> headers;

    ImportField(String... headers) {
        this.headers = java.util.Arrays.stream(headers).map(ImportField::fold).toList();
    }

    public String messageKey() {
        return "member.import.field." + name();
    }

    /** The field a header names, case, spaces and ё ignored; empty for an unknown header. */
    public static Optional<ImportField> ofHeader(String header) {
        String key = fold(header);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (ImportField field : values()) {
            if (field.headers.contains(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Lower case, ё as е, without spaces and punctuation: "Ф.И.О." and "фио" are one header. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('ё', 'е')
                .replace('Ё', 'Е')
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\u00a0.,:;\\-_()\"«»*]", "");
    }
}

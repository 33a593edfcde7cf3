package ru.profkom.demo;

/** The few inflections the generator needs: names are stored feminine («Коломенская») and agreed from there. */
final class RussianWords {

    private RussianWords() {}

    /** Коломенская → Коломенский, Северная → Северный, Нижняя → Нижний. */
    static String masculine(String feminine) {
        if (feminine.endsWith("няя")) {
            return cut(feminine, 2) + "ий";
        }
        if (feminine.endsWith("кая")
                || feminine.endsWith("гая")
                || feminine.endsWith("хая")
                || feminine.endsWith("жая")
                || feminine.endsWith("шая")
                || feminine.endsWith("чая")
                || feminine.endsWith("щая")) {
            return cut(feminine, 2) + "ий";
        }
        if (feminine.endsWith("ая")) {
            return cut(feminine, 2) + "ый";
        }
        return feminine;
    }

    /** Берёзовская → Берёзовское, Нижняя → Нижнее. */
    static String neuter(String feminine) {
        if (feminine.endsWith("няя")) {
            return cut(feminine, 2) + "ее";
        }
        if (feminine.endsWith("жая")
                || feminine.endsWith("шая")
                || feminine.endsWith("чая")
                || feminine.endsWith("щая")) {
            return cut(feminine, 2) + "ее";
        }
        if (feminine.endsWith("ая")) {
            return cut(feminine, 2) + "ое";
        }
        return feminine;
    }

    static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String cut(String word, int letters) {
        return word.substring(0, word.length() - letters);
    }
}

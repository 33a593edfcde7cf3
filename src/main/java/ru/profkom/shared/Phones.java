package ru.profkom.shared;

import java.util.Optional;

/** Russian phone numbers, kept as {@code +7XXXXXXXXXX} and shown as {@code +7 (XXX) XXX-XX-XX}. */
public final class Phones {

    private Phones() {}

    public static Optional<String> normalize(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        if (!input.matches("[0-9+()\\-\\s.]{5,32}")) {
            return Optional.empty();
        }
        String digits = input.replaceAll("\\D", "");
        if (digits.length() == 11 && (digits.charAt(0) == '7' || digits.charAt(0) == '8')) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10) {
            return Optional.empty();
        }
        return Optional.of("+7" + digits);
    }

    public static String display(String normalized) {
        if (normalized == null || !normalized.matches("\\+7\\d{10}")) {
            return normalized;
        }
        String d = normalized.substring(2);
        return "+7 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
    }
}

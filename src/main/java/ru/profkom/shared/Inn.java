package ru.profkom.shared;

/** The Russian taxpayer number (ИНН): 10 digits for organizations, 12 for persons, with check digits. */
public final class Inn {

    private static final int[] TEN = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ELEVEN = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] TWELVE = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() {}

    public static boolean isValid(String inn) {
        if (inn == null || !inn.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return switch (inn.length()) {
            case 10 -> checkDigit(inn, TEN) == digit(inn, 9);
            case 12 -> checkDigit(inn, ELEVEN) == digit(inn, 10) && checkDigit(inn, TWELVE) == digit(inn, 11);
            default -> false;
        };
    }

    /** Completes nine digits (an organization) or ten (a person) with valid check digits. */
    public static String withCheckDigits(String prefix) {
        return switch (prefix.length()) {
            case 9 -> prefix + checkDigit(prefix, TEN);
            case 10 -> {
                String eleven = prefix + checkDigit(prefix, ELEVEN);
                yield eleven + checkDigit(eleven, TWELVE);
            }
            default -> throw new IllegalArgumentException("An INN prefix has 9 or 10 digits");
        };
    }

    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(digits, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}

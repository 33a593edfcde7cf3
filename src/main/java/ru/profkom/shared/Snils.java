package ru.profkom.shared;

/** The insurance number of a person (СНИЛС): 11 digits, the last two a checksum of the first nine. */
public final class Snils {

    private Snils() {}

    /** The eleven digits of a SNILS typed with or without spaces and dashes, or null when it is not one. */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String digits = input.replaceAll("[\\s-]", "");
        return digits.matches("\\d{11}") ? digits : null;
    }

    public static boolean isValid(String input) {
        String digits = normalize(input);
        if (digits == null) {
            return false;
        }
        // Numbers up to 001-001-998 were issued before the checksum existed.
        if (Long.parseLong(digits.substring(0, 9)) <= 1_001_998L) {
            return true;
        }
        return checksum(digits.substring(0, 9)) == Integer.parseInt(digits.substring(9));
    }

    /** Completes nine digits with their checksum. */
    public static String withChecksum(String nineDigits) {
        int sum = checksum(nineDigits);
        return nineDigits + (sum < 10 ? "0" : "") + sum;
    }

    private static int checksum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        if (sum == 100 || sum == 101) {
            return 0;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    public static String display(String digits) {
        if (digits == null || digits.length() != 11) {
            return digits;
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9);
    }
}

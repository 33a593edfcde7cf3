package ru.profkom.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as Russian Excel opens it: fields separated by semicolons, quoted when they hold one, a quote or a line
 * break. Every cell is neutralized against formula injection the OWASP way: a cell beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so that a spreadsheet
 * shows it as text instead of running it. A cell that is only a number or a phone ({@code +7 912 345-67-89},
 * {@code -5}, digits with spaces, brackets, dashes, dots and commas) is left as it is: without letters or other
 * signs it can name no function, reference or command, and users keep their phones without a stray quote.
 */
public final class Csv {

    private static final Pattern NUMBER_OR_PHONE = Pattern.compile("[+-]?[0-9][0-9 ().,\\-]*");

    private Csv() {}

    /** One line of cells with the line break, as written to a file. */
    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(';');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    public static void writeLine(Writer writer, List<String> cells) {
        try {
            writer.write(line(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell neutralized and quoted as needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = neutralized(value);
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** The value with a leading single quote when a spreadsheet would take it for a formula. */
    public static String neutralized(String value) {
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER_OR_PHONE.matcher(value).matches() ? "'" + value : value;
    }
}

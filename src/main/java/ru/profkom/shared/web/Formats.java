package ru.profkom.shared.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Phones;

/**
 * How dates, phones and numbers look to Russian users; templates call it as {@code @fmt}. Numbers are written one
 * way everywhere: groups of thousands split by a space, a decimal comma, a space before the percent sign
 * ({@code 12 345}, {@code 26,98 %}); a year is a number of its own and is written without a space ({@code 2000}).
 */
@Component("fmt")
public class Formats {

    /** The same zone as {@link MoscowTime#ZONE}; "today" comes from {@link MoscowTime#today}. */
    public static final ZoneId MOSCOW = MoscowTime.ZONE;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");
    private static final DecimalFormatSymbols RUSSIAN_SYMBOLS = DecimalFormatSymbols.getInstance(Locale.of("ru"));

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(MOSCOW));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(MOSCOW));
    }

    /** A whole number: {@code 12 345}; empty for none. */
    public String integer(Number value) {
        return value == null ? "" : number(value, "#,##0");
    }

    /** A number with up to four decimals as needed: {@code 1 234,5}; empty for none. */
    public String number(Number value) {
        return value == null ? "" : number(value, "#,##0.####");
    }

    /** A percentage with up to two decimals as needed: {@code 33,9 %}; a dash for none (no members, no headcount). */
    public String percent(Number value) {
        return value == null ? "—" : number(value, "#,##0.##") + " %";
    }

    /**
     * A number in Russian with the given {@link DecimalFormat} pattern; the group separator is a plain space, so
     * that copied text, tests and CSV cells read the same.
     */
    public static String number(Number value, String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, RUSSIAN_SYMBOLS);
        Object exact =
                value instanceof Double || value instanceof Float ? BigDecimal.valueOf(value.doubleValue()) : value;
        return format.format(exact).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    public String phone(String phone) {
        return Phones.display(phone);
    }

    /** Reads {@code dd.MM.yyyy}; empty for blank input, and for dates that do not exist such as 31.02.1980. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

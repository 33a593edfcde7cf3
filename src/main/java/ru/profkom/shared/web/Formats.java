package ru.profkom.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Phones;

/** How dates and phones look to Russian users; templates call it as {@code @fmt}. */
@Component("fmt")
public class Formats {

    /** The same zone as {@link MoscowTime#ZONE}; "today" comes from {@link MoscowTime#today}. */
    public static final ZoneId MOSCOW = MoscowTime.ZONE;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(MOSCOW));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(MOSCOW));
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

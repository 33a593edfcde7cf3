package ru.profkom.statisticalreports;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * The rules of the yearly report, free of storage: which years may be reported, what a value may be, how a
 * line's own value follows the registry until corrected by hand, and how a parent sums its children.
 */
final class ReportRules {

    /** The union reports from the year its present structure was founded. */
    static final int FIRST_YEAR = 1990;

    private static final List<ReportLine> CATEGORIES =
            List.of(ReportLine.WORKERS, ReportLine.STUDENTS, ReportLine.PENSIONERS, ReportLine.UNEMPLOYED);

    private ReportRules() {}

    /** The state of a line: what the registry gives (null for a hand line), the own value, and whether it was corrected. */
    record LineValue(Long registryValue, Long value, boolean corrected) {}

    /**
     * A report for year Y is the state on 1 January of Y + 1 and the movement during Y: it can be made once that
     * day has come, and not for a year before the union existed.
     */
    static int checkYear(int year, LocalDate today) {
        if (year < FIRST_YEAR) {
            throw ProfkomException.invalid(
                    "year", "statreport.year.tooEarly", String.valueOf(year), String.valueOf(FIRST_YEAR));
        }
        if (asOf(year).isAfter(today)) {
            throw ProfkomException.invalid(
                    "year", "statreport.year.future", String.valueOf(year), String.valueOf(year + 1));
        }
        return year;
    }

    /** The day the report describes: 1 January of the next year. */
    static LocalDate asOf(int year) {
        return LocalDate.of(year + 1, 1, 1);
    }

    /** The report as of 1 January goes to the parent by 1 March of that year (the union's reporting rule). */
    static final MonthDay DEADLINE = MonthDay.of(3, 1);

    /** The day by which the report for the year is due at the parent. */
    static LocalDate deadline(int year) {
        return DEADLINE.atYear(asOf(year).getYear());
    }

    /** The last day whose end the figures describe, and the last day of the movement. */
    static LocalDate lastDay(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /**
     * The lines after a change: a registry line follows the registry unless a value other than the registry's
     * is given for it (null or the registry's value puts it back); a hand line takes the value given (null
     * empties it). Lines the change does not name keep their state.
     */
    static Map<ReportLine, LineValue> merge(
            Map<ReportLine, LineValue> stored, Map<ReportLine, Long> changes, Map<ReportLine, Long> registry) {
        Map<ReportLine, LineValue> lines = new EnumMap<>(ReportLine.class);
        for (ReportLine line : ReportLine.values()) {
            LineValue before = stored.get(line);
            Long value = before == null ? null : before.value();
            boolean corrected = before != null && before.corrected();
            if (changes != null && changes.containsKey(line)) {
                value = changes.get(line);
                corrected = line.fromRegistry() && value != null && !value.equals(registryValue(registry, line));
            }
            if (line.fromRegistry()) {
                long fromRegistry = registryValue(registry, line);
                lines.put(line, new LineValue(fromRegistry, corrected ? value : fromRegistry, corrected));
            } else {
                lines.put(line, new LineValue(null, value, false));
            }
        }
        return lines;
    }

    private static long registryValue(Map<ReportLine, Long> registry, ReportLine line) {
        return registry.getOrDefault(line, 0L);
    }

    /**
     * Refuses impossible own values, every problem at once, each naming its line: negative numbers, numbers
     * above the line's bound, parts larger than the whole, categories that do not add up to the members; and,
     * when submitting, hand lines left empty.
     */
    static void validate(Map<ReportLine, LineValue> lines, boolean submitting) {
        Validation validation = new Validation();
        boolean outOfBounds = false;
        for (ReportLine line : ReportLine.values()) {
            Long value = valueOf(lines, line);
            if (value == null) {
                if (submitting) {
                    validation.reject(line.name(), "statreport.value.required", label(line));
                }
            } else if (value < 0) {
                validation.reject(line.name(), "statreport.value.negative", label(line));
                outOfBounds = true;
            } else if (value > line.max()) {
                validation.reject(line.name(), "statreport.value.tooLarge", label(line), value, line.max());
                outOfBounds = true;
            }
        }
        if (!outOfBounds) {
            consistency(lines, validation);
        }
        validation.throwIfInvalid();
    }

    /** Parts no larger than the whole, categories adding up to the members; checked on numbers within bounds. */
    private static void consistency(Map<ReportLine, LineValue> lines, Validation validation) {
        long members = orZero(lines, ReportLine.MEMBERS);
        for (ReportLine part : List.of(ReportLine.WOMEN, ReportLine.YOUTH)) {
            long value = orZero(lines, part);
            if (value > members) {
                validation.reject(part.name(), "statreport.value.moreThanMembers", label(part), value, members);
            }
        }
        long categories =
                CATEGORIES.stream().mapToLong(line -> orZero(lines, line)).sum();
        if (categories != members) {
            validation.reject(ReportLine.MEMBERS.name(), "statreport.value.categoriesSum", categories, members);
        }
        long headcount = orZero(lines, ReportLine.HEADCOUNT);
        long covered = orZero(lines, ReportLine.COVERED_BY_AGREEMENTS);
        if (headcount > 0 && covered > headcount) {
            validation.reject(
                    ReportLine.COVERED_BY_AGREEMENTS.name(),
                    "statreport.value.aboveHeadcount",
                    label(ReportLine.COVERED_BY_AGREEMENTS),
                    covered,
                    headcount);
        }
    }

    /** The line's name in the reader's language, as an argument of a message. */
    static DefaultMessageSourceResolvable label(ReportLine line) {
        return new DefaultMessageSourceResolvable(line.messageKey());
    }

    /** The lines of several reports added up; an empty line counts as 0. */
    static Map<ReportLine, Long> sum(Collection<Map<ReportLine, Long>> reports) {
        Map<ReportLine, Long> sums = new EnumMap<>(ReportLine.class);
        for (ReportLine line : ReportLine.values()) {
            sums.put(line, 0L);
        }
        for (Map<ReportLine, Long> report : reports) {
            report.forEach((line, value) -> {
                if (value != null) {
                    sums.merge(line, value, Long::sum);
                }
            });
        }
        return sums;
    }

    /** Members ÷ employers' headcount in percent with one decimal; null without a headcount. */
    static Double membershipLevel(long members, long headcount) {
        return headcount <= 0 ? null : Math.round(members * 1000.0 / headcount) / 10.0;
    }

    private static Long valueOf(Map<ReportLine, LineValue> lines, ReportLine line) {
        LineValue value = lines.get(line);
        return value == null ? null : value.value();
    }

    private static long orZero(Map<ReportLine, LineValue> lines, ReportLine line) {
        Long value = valueOf(lines, line);
        return value == null ? 0 : value;
    }
}

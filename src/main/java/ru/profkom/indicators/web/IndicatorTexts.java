package ru.profkom.indicators.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ru.profkom.indicators.IndicatorProvider.Unit;
import ru.profkom.indicators.IndicatorReading;
import ru.profkom.indicators.Scoring.ScoreLine;
import ru.profkom.indicators.Target;
import ru.profkom.shared.web.Texts;

/** Indicator values, targets, sources and months as people read them, for pages, XLSX and PDF alike. */
@Component
class IndicatorTexts {

    private final Texts texts;

    IndicatorTexts(Texts texts) {
        this.texts = texts;
    }

    /** One line of the indicators table. */
    record Row(String code, String name, String value, String target, boolean met, int percent, String source) {}

    List<Row> rows(List<IndicatorReading> readings) {
        List<Row> rows = new ArrayList<>();
        for (IndicatorReading reading : readings) {
            rows.add(new Row(
                    reading.code(),
                    text(reading.nameKey()),
                    value(reading.value(), reading.unit()),
                    target(reading.target(), reading.unit()),
                    reading.met(),
                    percent(reading.normalized()),
                    text(reading.sourceKey(), reading.sourceDetail())));
        }
        return rows;
    }

    String value(BigDecimal value, Unit unit) {
        if (value == null) {
            return text("indicator.value.none");
        }
        if (unit == Unit.YES_NO) {
            return text(value.signum() > 0 ? "indicator.value.yes" : "indicator.value.no");
        }
        return text(unit.messageKey(), number(value));
    }

    String target(Target target, Unit unit) {
        String sign = target.comparison() == Target.Comparison.AT_LEAST ? "≥ " : "≤ ";
        if (unit == Unit.YES_NO) {
            return text("indicator.value.yes");
        }
        return sign + text(unit.messageKey(), number(target.value()));
    }

    /** A score line as "name: 0,80 × 20 % = 16,00". */
    String explain(ScoreLine line) {
        return text(
                "rating.explanation.line",
                text(line.nameKey()),
                number(line.normalized()),
                line.weight(),
                points(line.points()));
    }

    static int percent(BigDecimal normalized) {
        return normalized
                .multiply(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.HALF_UP)
                .intValue();
    }

    /** A choice of the month picker: {@code 2026-10} and "октябрь 2026". */
    record Option(String value, String text) {}

    List<Option> months(List<YearMonth> periods) {
        return periods.stream()
                .map(period -> new Option(period.toString(), month(period)))
                .toList();
    }

    String month(YearMonth period) {
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(period);
    }

    /** A value as Russians write it: 1 234,5 with up to four decimals. */
    static String number(BigDecimal value) {
        return format("#,##0.####", value);
    }

    /** Rating points, always with two decimals, so that the lines visibly add up to the score. */
    static String points(BigDecimal value) {
        return format("#,##0.00", value.setScale(2, RoundingMode.HALF_UP));
    }

    private static String format(String pattern, BigDecimal value) {
        return ru.profkom.shared.web.Formats.number(value, pattern);
    }

    String text(String key, Object... arguments) {
        return texts.text(key, arguments);
    }
}

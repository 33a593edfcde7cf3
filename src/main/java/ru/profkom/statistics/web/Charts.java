package ru.profkom.statistics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.profkom.statistics.MonthlyPoint;

/**
 * The geometry of the dashboard's charts, drawn by the template as inline SVG: no script, no
 * network, the same picture in every browser and on paper.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 30;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    /** The widest bar of a structure chart, in the chart's units. */
    static final int BAR = 220;

    private Charts() {}

    record Dot(double x, double y, String label, long value) {}

    record Tick(double y, String label) {}

    /** A line of members at the months' ends; {@code bars} are the months' joins (up) and exits (down). */
    record Line(String points, List<Dot> dots, List<Tick> ticks, List<Dot> months, double baseline) {}

    record Bar(String key, long value, double percent, double width) {}

    static Line line(List<MonthlyPoint> series) {
        long max = series.stream().mapToLong(MonthlyPoint::members).max().orElse(0);
        long min = series.stream().mapToLong(MonthlyPoint::members).min().orElse(0);
        // Four gridlines: the top is a multiple of four, so every tick is a whole number.
        long top = (niceCeiling(Math.max(max, 1)) + 3) / 4 * 4;
        long bottom = min > top / 2 ? niceFloor(min) : 0;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double step = series.size() > 1 ? plotWidth / (series.size() - 1) : 0;
        List<Dot> dots = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        int labelEvery = Math.max(1, (int) Math.ceil(series.size() / 12.0));
        List<Dot> months = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            MonthlyPoint point = series.get(i);
            double x = LEFT + (series.size() > 1 ? i * step : plotWidth / 2);
            double y = TOP + plotHeight * (1 - (double) (point.members() - bottom) / Math.max(1, top - bottom));
            String month = String.format(
                    Locale.ROOT,
                    "%02d.%d",
                    point.month().getMonthValue(),
                    point.month().getYear());
            dots.add(new Dot(round(x), round(y), month, point.members()));
            points.append(round(x)).append(',').append(round(y)).append(' ');
            if (i % labelEvery == 0 || i == series.size() - 1) {
                months.add(new Dot(round(x), HEIGHT - 8, month, point.members()));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long value = bottom + (top - bottom) * i / 4;
            ticks.add(new Tick(
                    round(TOP + plotHeight * (1 - i / 4.0)),
                    String.format(Locale.ROOT, "%,d", value).replace(',', ' ')));
        }
        return new Line(points.toString().strip(), dots, ticks, months, HEIGHT - BOTTOM);
    }

    static Bar bar(String key, long value, long total) {
        double percent = total == 0 ? 0 : Math.round(value * 1000.0 / total) / 10.0;
        return new Bar(key, value, percent, round(BAR * Math.min(percent, 100) / 100));
    }

    static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (magnitude * factor >= value) {
                return magnitude * factor;
            }
        }
        return magnitude * 10;
    }

    static long niceFloor(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        return value / magnitude * magnitude;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package ru.profkom.workspace;

/**
 * One figure of the home with its trend: the value now and a year ago (for the rating place: last month).
 *
 * @param name names the label {@code workspace.figure.<name>}
 * @param value now, null when unknown (no headcount, not ranked)
 * @param previous the comparison value, null when unknown
 * @param percent whether the value is a percentage
 * @param lowerIsBetter true for a place in a rating, where going down the number is going up
 */
public record KeyFigure(String name, Double value, Double previous, boolean percent, boolean lowerIsBetter) {

    /** The change since the comparison, null when either is unknown. */
    public Double change() {
        return value == null || previous == null ? null : Math.round((value - previous) * 10.0) / 10.0;
    }

    /** Whether the change is for the better: up for members, down for a rating place; null when none. */
    public Boolean improved() {
        Double change = change();
        if (change == null || change == 0) {
            return null;
        }
        return lowerIsBetter ? change < 0 : change > 0;
    }
}

package ru.profkom.statistics;

import java.time.YearMonth;

/** One month of a series: members at the month's end (or at the series' last day) and the month's movement. */
public record MonthlyPoint(
        YearMonth month, long members, long joined, long exited, long transfersIn, long transfersOut) {}

package ru.profkom.statistics.web;

import java.time.LocalDate;

/** A period asked for by a page or the API; without dates, the current year up to today. */
record Period(LocalDate from, LocalDate to) {

    static Period of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        return new Period(start, end);
    }
}

package ru.profkom.indicators;

/** One indicator's weight in a rating, whole percent. */
public record WeightLine(String code, String nameKey, int weight) {}

package ru.profkom.channelregistry;

import java.time.LocalDate;

/** The subscribers of all the organization's channels on a day (each channel's latest count up to it). */
public record DailyTotal(LocalDate date, long subscribers) {}

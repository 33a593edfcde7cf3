package ru.profkom.channelregistry;

import java.time.LocalDate;

/** One day's subscriber count of a channel. */
public record ChannelReading(long channelId, LocalDate date, int subscribers, ReadingSource source) {}

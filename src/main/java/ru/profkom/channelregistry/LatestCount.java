package ru.profkom.channelregistry;

/** A channel's latest subscriber count up to a date, as the indicators take it. */
public record LatestCount(long channelId, ChannelKind kind, String address, String name, int subscribers) {}

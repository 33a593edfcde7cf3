package ru.profkom.channelregistry;

/** What staff type about a channel; {@code apiTarget} may stay blank (derived from the address). */
public record ChannelForm(ChannelKind kind, String address, String name, String apiTarget, boolean connected) {}

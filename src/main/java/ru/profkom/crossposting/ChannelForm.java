package ru.profkom.crossposting;

/** Connecting a channel: a blank token keeps the one stored. */
public record ChannelForm(ChannelKind kind, String target, String token, boolean enabled) {}

package ru.profkom.organizations;

/** An elected body, youth council or commission loaded together with its organization. */
public record BodyDraft(BodyKind kind, String name, String chairName) {}

package ru.profkom.members;

import java.time.Instant;

/** One changed field of a member: who, when, old → new. */
public record MemberChange(Instant occurredAt, String actorLogin, String field, String oldValue, String newValue) {}

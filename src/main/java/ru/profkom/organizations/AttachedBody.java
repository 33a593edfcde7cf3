package ru.profkom.organizations;

public record AttachedBody(long id, long organizationId, BodyKind kind, String name, String chairName) {}

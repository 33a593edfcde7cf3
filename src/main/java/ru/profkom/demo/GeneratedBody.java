package ru.profkom.demo;

import ru.profkom.organizations.BodyKind;

/** An elected body, youth council or commission of a generated organization. */
public record GeneratedBody(BodyKind kind, String name, String chairName) {}

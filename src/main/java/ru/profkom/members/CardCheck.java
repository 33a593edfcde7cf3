package ru.profkom.members;

/** What the public verification page of a union card may tell: valid or not, and the organization. */
public record CardCheck(boolean known, boolean valid, String organizationName) {}

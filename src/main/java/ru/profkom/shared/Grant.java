package ru.profkom.shared;

public record Grant(long organizationId, Role role) {}

package ru.profkom.organizations;

/** One step of the breadcrumbs from the root; {@code readable} tells whether the user may open it. */
public record Crumb(long id, OrganizationKind kind, String shortName, boolean readable) {}

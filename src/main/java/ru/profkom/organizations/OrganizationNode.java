package ru.profkom.organizations;

/** A line of the tree or of a search result: enough to show and open it, no personal data. */
public record OrganizationNode(
        long id,
        Long parentId,
        OrganizationKind kind,
        String code,
        String shortName,
        OrganizationStatus status,
        boolean hasChildren) {}

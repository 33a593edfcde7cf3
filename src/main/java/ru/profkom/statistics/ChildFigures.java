package ru.profkom.statistics;

import ru.profkom.organizations.OrganizationKind;

/** A child organization's line in a drill-down: its name and its subtree's figures. */
public record ChildFigures(
        long organizationId, String shortName, OrganizationKind kind, boolean hasChildren, MembershipFigures figures) {}

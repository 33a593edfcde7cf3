package ru.profkom.statistics;

import ru.profkom.organizations.OrganizationKind;

/** A child organization's joins, exits and transfers over a period, for a report that sums or subtracts them. */
public record ChildMovement(
        long organizationId, String shortName, OrganizationKind kind, MembershipMovement movement) {}

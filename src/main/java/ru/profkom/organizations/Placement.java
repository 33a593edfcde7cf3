package ru.profkom.organizations;

import java.time.Instant;

/** A period during which an organization stood under one parent; an open period has no end. */
public record Placement(
        long organizationId, Long parentId, String parentName, Instant validFrom, Instant validTo, Long changedBy) {}

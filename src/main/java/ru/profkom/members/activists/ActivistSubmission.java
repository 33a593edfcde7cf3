package ru.profkom.members.activists;

import java.time.Instant;

/**
 * One version of an organization's activists' contact base submitted upward for a year (A3): who sent it, when,
 * and how many rows it holds. The rows never change once submitted; sending the year again adds a version.
 */
public record ActivistSubmission(
        long id,
        long organizationId,
        String organizationName,
        int year,
        int version,
        Instant submittedAt,
        String submittedBy,
        int rows) {}

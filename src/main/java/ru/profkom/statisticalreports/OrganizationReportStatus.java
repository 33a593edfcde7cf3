package ru.profkom.statisticalreports;

import java.time.Instant;
import ru.profkom.organizations.OrganizationKind;

/**
 * An organization in a parent's list of reports: where its report for the year stands, and in a subtree's list
 * the names of the organizations between (« › » between; empty directly below, null in the list of children).
 */
public record OrganizationReportStatus(
        long organizationId,
        String name,
        OrganizationKind kind,
        ReportStatus status,
        Instant updatedAt,
        Instant submittedAt,
        Instant decidedAt,
        String parentChain) {}

package ru.profkom.portal;

import java.time.Instant;

/** A document listed on a public page; the content is served separately. */
public record SiteDocument(
        long id,
        long organizationId,
        String title,
        String fileName,
        String contentType,
        long sizeBytes,
        Instant uploadedAt) {}

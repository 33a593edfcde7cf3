package ru.profkom.portal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A photo album of an organization: an event's title, date and description, its photos' count and
 * cover (the chosen photo, else the first one; null addresses while the album has no photos).
 * Visitors see it once published.
 */
public record Album(
        long id,
        long organizationId,
        String title,
        LocalDate eventDate,
        String description,
        boolean published,
        Instant publishedAt,
        Long coverPhotoId,
        String coverUrl,
        String coverThumbnailUrl,
        int photoCount,
        Instant updatedAt,
        int version) {}

package ru.profkom.publications;

import java.time.Instant;
import java.util.List;

/**
 * A publication with everything a page shows. {@code bodyHtml} is sanitized on the way in and safe to
 * render unescaped; {@code bodyText} is its plain text. A republished publication names its source.
 */
public record Publication(
        long id,
        long organizationId,
        String organizationPath,
        String title,
        String bodyHtml,
        String bodyText,
        Rubric rubric,
        List<String> tags,
        List<VideoLink> videos,
        List<ImageRef> images,
        List<AttachmentRef> attachments,
        PublicationStatus status,
        Long sourcePublicationId,
        String sourceOrganizationName,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        int version) {

    public boolean published() {
        return status == PublicationStatus.PUBLISHED;
    }

    public String summary() {
        return PublicationSummary.shorten(bodyText);
    }

    /** The address of the publication's page inside the application. */
    public String link() {
        return "/publications/" + id;
    }
}

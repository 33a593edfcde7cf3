package ru.profkom.publications;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import ru.profkom.organizations.OrganizationKind;

/**
 * An information package (materials, statements, texts for union stands) sent down a subtree. For the
 * sender {@code openedCount} says how many recipients opened it; for a recipient {@code openedAt}
 * says when its organization first did.
 */
public record InfoPackage(
        long id,
        long organizationId,
        String organizationName,
        String title,
        String bodyHtml,
        Set<OrganizationKind> kinds,
        int recipientCount,
        int openedCount,
        int remindAfterDays,
        Instant createdAt,
        Instant openedAt,
        List<AttachmentRef> attachments) {}

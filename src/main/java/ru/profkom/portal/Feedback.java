package ru.profkom.portal;

import java.time.Instant;

/** A message a visitor sent through an organization's public page. */
public record Feedback(
        long id, long organizationId, String authorName, String contact, String message, Instant createdAt) {}

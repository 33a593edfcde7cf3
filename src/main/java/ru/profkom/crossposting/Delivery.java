package ru.profkom.crossposting;

import java.time.Instant;

/** One publication on its way to one channel. */
public record Delivery(
        long id,
        ChannelKind kind,
        long publicationId,
        String title,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant sentAt,
        Instant createdAt) {}

package ru.profkom.portal;

import java.time.Instant;

/** A published piece of news as a public page lists it; {@code imageUrl} may be null. */
public record NewsItem(long id, String title, String summary, String imageUrl, Instant publishedAt) {}

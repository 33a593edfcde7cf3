package ru.profkom.portal;

import java.time.Instant;

/** A published piece of news as a public page lists it. */
public record NewsItem(long id, String title, String summary, Instant publishedAt) {}

package ru.profkom.portal;

import java.time.LocalDate;

/** What staff write about an album; {@code version} is the one read, null for a new album. */
public record AlbumForm(String title, LocalDate eventDate, String description, Integer version) {}

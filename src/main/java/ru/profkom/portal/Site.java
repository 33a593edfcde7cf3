package ru.profkom.portal;

import java.time.Instant;

/** An organization's public page: its address and the texts its information worker keeps. */
public record Site(long organizationId, String slug, String about, String contacts, Instant updatedAt, int version) {}

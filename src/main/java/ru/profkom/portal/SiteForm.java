package ru.profkom.portal;

/** What staff edit of a public page; {@code version} is the one read, null for a page not yet saved. */
public record SiteForm(String slug, String about, String contacts, Integer version) {}

package ru.profkom.portal;

/**
 * A change of one photo: its caption (null leaves it, blank clears it), a new place (1 is first; null
 * leaves it) and whether it becomes the album's cover (null or false leaves the cover).
 */
public record PhotoChange(String caption, Integer position, Boolean cover) {}

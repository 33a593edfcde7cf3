package ru.profkom.publications;

/** The bytes of a stored image or of its thumbnail, with their media type. */
public record StoredImageData(String contentType, byte[] bytes) {}

package ru.profkom.publications;

/** A file to download: its sanitized name, its media type and its bytes. */
public record AttachmentFile(String fileName, String contentType, byte[] bytes) {}

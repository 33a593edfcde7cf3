package ru.profkom.portal;

import java.util.function.Supplier;

/**
 * One uploaded file of a batch: its name as the browser sent it, its declared size (checked before
 * the content is read) and the content, read only when its turn comes.
 */
public record PhotoUpload(String fileName, long size, Supplier<byte[]> content) {}

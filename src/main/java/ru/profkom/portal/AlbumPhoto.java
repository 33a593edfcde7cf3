package ru.profkom.portal;

/**
 * A photo of an album in its place (1 is first), with its caption, the name of the file it came from
 * and the addresses of the image and its thumbnail.
 */
public record AlbumPhoto(
        long id,
        long albumId,
        long imageId,
        int position,
        String caption,
        String fileName,
        int width,
        int height,
        String url,
        String thumbnailUrl) {}

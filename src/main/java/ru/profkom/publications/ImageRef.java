package ru.profkom.publications;

/** A stored image: its size after resizing and the addresses that serve it and its thumbnail. */
public record ImageRef(long id, int width, int height, String url, String thumbnailUrl) {

    public static String urlOf(long id) {
        return "/images/" + id;
    }

    public static String thumbnailUrlOf(long id) {
        return "/images/" + id + "/thumb";
    }

    static ImageRef of(long id, int width, int height) {
        return new ImageRef(id, width, height, urlOf(id), thumbnailUrlOf(id));
    }
}

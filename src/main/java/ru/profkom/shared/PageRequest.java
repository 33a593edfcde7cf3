package ru.profkom.shared;

/** A page of a list: numbered from 0, at most 200 rows. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    /** The rows of a page where nobody chose. */
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        page = Math.max(page, 0);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}

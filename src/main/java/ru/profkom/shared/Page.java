package ru.profkom.shared;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list. {@code totalAtLeast} says that {@code total} is a lower bound: a search over a
 * million members stops counting where counting would cost more than the page itself.
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalAtLeast) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    /**
     * A page from rows read with one more than the page holds ({@code limit size + 1}): the extra
     * row says that more follow, so nothing needs counting; the total is then "at least".
     */
    public static <T> Page<T> fromOneMore(List<T> rows, PageRequest request) {
        boolean more = rows.size() > request.size();
        List<T> shown = more ? List.copyOf(rows.subList(0, request.size())) : rows;
        long seen = (long) request.offset() + shown.size();
        return new Page<>(shown, request.page(), request.size(), more ? seen + 1 : seen, more);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalAtLeast);
    }
}

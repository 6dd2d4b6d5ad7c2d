package org.sharedict.platform.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of a list, with enough to render paging controls. A page past the end is empty, however
 * far past: the offset is worked out in {@code long}, so {@code page=2147483647} is no overflow.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> toDto) {
        long total = query.count();
        long first = (long) request.page * request.size;
        List<T> items = first >= total || first > Integer.MAX_VALUE
                ? List.of()
                : query.page(io.quarkus.panache.common.Page.of(request.page, request.size)).list().stream()
                        .map(toDto)
                        .map(t -> (T) t)
                        .toList();
        return new Page<>(items, request.page, request.size, total, pages(total, request.size));
    }

    /** Pages a list that was already filtered and ordered in memory (ranked search results). */
    public static <T> Page<T> ofList(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.page * request.size, all.size());
        int to = Math.min(from + request.size, all.size());
        return new Page<>(
                List.copyOf(all.subList(from, to)),
                request.page,
                request.size,
                all.size(),
                pages(all.size(), request.size));
    }

    static int pages(long total, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}

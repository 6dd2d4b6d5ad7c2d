package org.sharedict.platform.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list, with enough to render paging controls. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> toDto) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(request.page, request.size));
        List<T> items = paged.list().stream().map(toDto).map(t -> (T) t).toList();
        long total = query.count();
        return new Page<>(items, request.page, request.size, total, (int) ((total + request.size - 1) / request.size));
    }

    /** Pages a list that was already filtered and ordered in memory (ranked search results). */
    public static <T> Page<T> ofList(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.page * request.size, all.size());
        int to = Math.min(from + request.size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), request.page, request.size, all.size(),
                (all.size() + request.size - 1) / request.size);
    }
}

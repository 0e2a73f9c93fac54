package com.kehu.crm.customer.api;

import com.kehu.crm.shared.web.PageView;
import java.util.List;
import java.util.function.Function;

/**
 * The API's page format. {@code totalExact} is false when the count was capped (see CustomerQueries.COUNT_CAP),
 * in which case {@code totalElements} is a lower bound.
 */
public record PageJson<T>(List<T> content, Page page) {

    public record Page(int size, int number, long totalElements, int totalPages, boolean totalExact) {}

    static <R, T> PageJson<T> of(PageView<R> view, Function<R, T> mapper) {
        return new PageJson<>(
                view.content().stream().map(mapper).toList(),
                new Page(view.size(), view.number(), view.totalElements(), view.totalPages(), view.totalExact()));
    }
}

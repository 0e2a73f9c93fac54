package com.kehu.crm.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * The API's page format, the same for every list: {@code {"content": [...], "page": {"size", "number",
 * "totalElements", "totalPages", "totalExact"}}}. {@code totalExact} is false when the count was capped (at 1,000),
 * in which case {@code totalElements} is a lower bound.
 */
public record PageJson<T>(List<T> content, Page page) {

    public record Page(int size, int number, long totalElements, int totalPages, boolean totalExact) {}

    public static <T> PageJson<T> of(PageView<T> view) {
        return of(view, Function.identity());
    }

    public static <R, T> PageJson<T> of(PageView<R> view, Function<R, T> mapper) {
        return new PageJson<>(
                view.content().stream().map(mapper).toList(),
                new Page(view.size(), view.number(), view.totalElements(), view.totalPages(), view.totalExact()));
    }
}

package com.kehu.crm.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list for templates and the API. {@code number} is zero-based like Spring Data's; templates
 * show {@code number + 1}. When a count is capped ({@code totalExact == false}), {@code totalElements} is a
 * lower bound and the screen says "more than".
 */
public record PageView<T>(List<T> content, int size, int number, long totalElements, boolean totalExact) {

    public int totalPages() {
        return size == 0 ? 0 : (int) Math.ceil((double) totalElements / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages() || (!totalExact && content.size() == size);
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(content.stream().map(mapper).toList(), size, number, totalElements, totalExact);
    }
}

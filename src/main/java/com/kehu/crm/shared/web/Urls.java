package com.kehu.crm.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that keep the current filters, computed in controllers: Thymeleaf 3.1.5 forbids bean calls inside
 * {@code th:href}, so templates get plain strings ({@code pageLinks.next}, {@code sortLinks['NAME']}).
 */
public final class Urls {

    private Urls() {}

    /** Previous and next page of the current request's list. */
    public record PageLinks(String previous, String next) {}

    /** The current path and query, for "come back here" links such as the language switcher. */
    public static String current() {
        return pathAndQuery(ServletUriComponentsBuilder.fromCurrentRequest());
    }

    public static PageLinks pageLinks(PageView<?> page) {
        return new PageLinks(with("page", Math.max(page.number() - 1, 0)), with("page", page.number() + 1));
    }

    /** One link per sort key: the same key again flips the direction; a new sort starts at the first page. */
    public static Map<String, String> sortLinks(Enum<?> currentSort, boolean currentDesc, Enum<?>... sorts) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Enum<?> sort : sorts) {
            boolean desc = sort == currentSort && !currentDesc;
            links.put(
                    sort.name(),
                    pathAndQuery(ServletUriComponentsBuilder.fromCurrentRequest()
                            .replaceQueryParam("sort", sort.name())
                            .replaceQueryParam("desc", desc)
                            .replaceQueryParam("page")));
        }
        return links;
    }

    public static String with(String name, Object value) {
        return pathAndQuery(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(name, value));
    }

    private static String pathAndQuery(org.springframework.web.util.UriComponentsBuilder builder) {
        // the request query is already encoded and the values we set are plain ASCII
        var uri = builder.build(true);
        String query = uri.getQuery();
        return uri.getPath() + (query == null || query.isEmpty() ? "" : "?" + uri.getQuery());
    }
}

package com.kehu.crm.support;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;

/**
 * Article bodies are Markdown typed by agents and shown to everybody, so rendering is the XSS boundary: raw HTML in
 * the source is escaped, not passed through, and link and image URLs are kept only when relative or http(s) or
 * mailto ({@code javascript:}, {@code data:}, {@code vbscript:} become empty). Links get {@code rel="nofollow"}.
 * Parser and renderer are thread-safe.
 */
@Component
public class KbMarkdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** Relative URLs and http, https, mailto; anything else with a scheme becomes empty. */
    static final class SafeUrls implements UrlSanitizer {

        private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
        private static final Set<String> ALLOWED = Set.of("http", "https", "mailto");

        @Override
        public String sanitizeLinkUrl(String url) {
            // browsers ignore control characters and whitespace inside a scheme ("java\tscript:")
            String compact = url.replaceAll("[\\p{Cntrl}\\s]", "");
            var m = SCHEME.matcher(compact);
            if (m.find()) {
                return ALLOWED.contains(m.group(1).toLowerCase(Locale.ROOT)) ? url : "";
            }
            return url;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }
    }
}

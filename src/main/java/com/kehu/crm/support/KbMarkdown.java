package com.kehu.crm.support;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
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
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}

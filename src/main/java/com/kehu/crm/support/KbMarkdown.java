package com.kehu.crm.support;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Article bodies are Markdown typed by agents and shown to everybody, so rendering is the XSS boundary: raw HTML in
 * the source is escaped, not passed through, and link and image URLs with unsafe schemes ({@code javascript:},
 * {@code data:}, …) are dropped by commonmark's URL sanitiser. Both builders are thread-safe.
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

package com.kehu.crm.support;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One article with its Markdown source and the HTML rendered from it (safe to show unescaped). */
public record KbArticleDetails(
        long id,
        String title,
        String body,
        String html,
        @Nullable Long categoryId,
        @Nullable String categoryNameEn,
        @Nullable String categoryNameZh,
        List<String> tags,
        boolean published,
        @Nullable Instant publishedAt,
        long authorId,
        String authorName,
        int useCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public KbArticleData toData() {
        return new KbArticleData(title, body, categoryId, tags);
    }
}

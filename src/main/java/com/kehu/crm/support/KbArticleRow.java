package com.kehu.crm.support;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An article in a list: no body, the category's code for its label. */
public record KbArticleRow(
        long id,
        String title,
        @Nullable Long categoryId,
        @Nullable String categoryNameEn,
        @Nullable String categoryNameZh,
        List<String> tags,
        boolean published,
        String authorName,
        int useCount,
        Instant updatedAt) {}

package com.kehu.crm.support;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The editable fields of a knowledge-base article. */
public record KbArticleData(
        String title, String body, @Nullable Long categoryId, List<String> tags) {

    public KbArticleData {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Trimmed, non-empty, at most 40 characters each, no duplicates, at most 20. */
    List<String> normalizedTags() {
        return tags.stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> t.length() > 40 ? t.substring(0, 40) : t)
                .distinct()
                .limit(20)
                .toList();
    }
}

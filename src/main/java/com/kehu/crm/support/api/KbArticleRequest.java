package com.kehu.crm.support.api;

import com.kehu.crm.support.KbArticleData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of POST and PUT (with {@code version}); {@code published} on POST publishes at once. */
public record KbArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50000) String body,
        @Nullable Long categoryId,
        @Nullable @Size(max = 20) List<@Size(max = 40) String> tags,
        @Nullable Boolean published,
        @Nullable Long version) {

    KbArticleData toData() {
        return new KbArticleData(title, body, categoryId, tags == null ? List.of() : tags);
    }
}

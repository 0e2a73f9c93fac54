package com.kehu.crm.support.web;

import com.kehu.crm.support.KbArticleData;
import com.kehu.crm.support.KbArticleDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** What the article form posts; tags are typed comma separated (ASCII or full-width commas). */
@Getter
@Setter
public class KbArticleForm {

    @NotBlank
    @Size(max = 200)
    private String title = "";

    @NotBlank
    @Size(max = 50000)
    private String body = "";

    private @Nullable Long categoryId;

    @Size(max = 400)
    private String tags = "";

    private long version;

    static KbArticleForm of(KbArticleDetails a) {
        KbArticleForm form = new KbArticleForm();
        form.title = a.title();
        form.body = a.body();
        form.categoryId = a.categoryId();
        form.tags = String.join(", ", a.tags());
        form.version = a.version();
        return form;
    }

    KbArticleData toData() {
        return new KbArticleData(title, body, categoryId, Arrays.asList((tags == null ? "" : tags).split("[,，;；]")));
    }
}

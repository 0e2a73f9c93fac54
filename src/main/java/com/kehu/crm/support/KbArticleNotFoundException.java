package com.kehu.crm.support;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such article, or a draft the user may not see. */
public class KbArticleNotFoundException extends RecordNotFoundException {

    private KbArticleNotFoundException(String message) {
        super(message);
    }

    public static KbArticleNotFoundException forId(long id) {
        return new KbArticleNotFoundException("No visible knowledge-base article with id " + id);
    }
}

package com.kehu.crm.survey;

import java.util.Locale;

/** A rated attribute with both labels; {@link #label(Locale)} picks the reader's. */
public record SurveyAttributeView(
        long id, String code, String labelEn, String labelZh, int position, boolean active, long version) {

    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }
}

package com.kehu.crm.support;

import java.util.Locale;

/** A ticket category (reference data) as lists and forms show it. */
public record TicketCategory(long id, String code, String nameEn, String nameZh, boolean active, int position) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}

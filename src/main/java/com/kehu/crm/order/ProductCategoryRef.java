package com.kehu.crm.order;

import java.util.Locale;

/** The category of a product as a row shows it: its code and both names, so each reader sees their language. */
public record ProductCategoryRef(String code, String nameEn, String nameZh) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}

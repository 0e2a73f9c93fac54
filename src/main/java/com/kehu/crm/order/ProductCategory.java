package com.kehu.crm.order;

import java.util.Locale;

/** A product category (reference data) as the admin screen, the product form and the price list show it. */
public record ProductCategory(long id, String code, String nameEn, String nameZh, boolean active, int position) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}

package com.kehu.crm.order;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A product as the price list, the order form and the API show it; {@code category} is null for none. */
public record ProductRow(
        long id,
        String code,
        String name,
        String unit,
        BigDecimal listPrice,
        BigDecimal unitCost,
        String currency,
        boolean active,
        long version,
        @Nullable ProductCategoryRef category) {

    public ProductData toData() {
        return new ProductData(
                code, name, unit, listPrice, unitCost, currency, active, category == null ? null : category.code());
    }
}

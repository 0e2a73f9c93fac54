package com.kehu.crm.order;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The editable fields of a product; {@code category} is a product category code, or null for none. */
public record ProductData(
        String code,
        String name,
        String unit,
        BigDecimal listPrice,
        BigDecimal unitCost,
        String currency,
        boolean active,
        @Nullable String category) {

    /** A product without a category. */
    public ProductData(
            String code,
            String name,
            String unit,
            BigDecimal listPrice,
            BigDecimal unitCost,
            String currency,
            boolean active) {
        this(code, name, unit, listPrice, unitCost, currency, active, null);
    }
}

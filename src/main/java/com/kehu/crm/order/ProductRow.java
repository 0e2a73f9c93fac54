package com.kehu.crm.order;

import java.math.BigDecimal;

/** A product as the price list, the order form and the API show it. */
public record ProductRow(
        long id,
        String code,
        String name,
        String unit,
        BigDecimal listPrice,
        BigDecimal unitCost,
        String currency,
        boolean active,
        long version) {

    public ProductData toData() {
        return new ProductData(code, name, unit, listPrice, unitCost, currency, active);
    }
}

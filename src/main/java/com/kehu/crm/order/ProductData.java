package com.kehu.crm.order;

import java.math.BigDecimal;

/** The editable fields of a product. */
public record ProductData(
        String code,
        String name,
        String unit,
        BigDecimal listPrice,
        BigDecimal unitCost,
        String currency,
        boolean active) {}

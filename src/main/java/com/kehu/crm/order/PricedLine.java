package com.kehu.crm.order;

import java.math.BigDecimal;

/** A line ready for an order: the price resolved (given, or the list price) and the product's cost snapshotted. */
record PricedLine(
        long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal unitCost) {}

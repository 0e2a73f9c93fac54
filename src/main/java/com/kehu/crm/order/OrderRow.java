package com.kehu.crm.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An order as lists, the customer 360 tab and the API list show it. */
public record OrderRow(
        long id,
        String orderNumber,
        long customerId,
        String customerName,
        LocalDate orderDate,
        String currency,
        OrderStatus status,
        BigDecimal totalAmount,
        BigDecimal paidAmount,
        BigDecimal outstandingAmount,
        long version) {}

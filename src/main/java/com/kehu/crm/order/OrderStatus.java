package com.kehu.crm.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The progress of an order (客户订单进展情况): draft → confirmed → shipped → completed, or cancelled before it
 * ships. Completed and cancelled are final.
 */
public enum OrderStatus {
    DRAFT,
    CONFIRMED,
    SHIPPED,
    COMPLETED,
    CANCELLED;

    public Set<OrderStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    /** Money can be received once the customer has committed to the order. */
    public boolean acceptsPayments() {
        return this == CONFIRMED || this == SHIPPED || this == COMPLETED;
    }
}

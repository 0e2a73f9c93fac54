package com.kehu.crm.customer;

import java.util.EnumSet;
import java.util.Set;

/**
 * 潜在 → 目标 → 现实 → 流失 (CATALOG 2.8). A lost customer can be won back as a target or straight into an
 * actual customer; first-time or repeat buyer is derived from orders, not stored here.
 */
public enum CustomerStatus {
    POTENTIAL,
    TARGET,
    ACTUAL,
    LOST;

    public Set<CustomerStatus> allowedNext() {
        return switch (this) {
            case POTENTIAL -> EnumSet.of(TARGET, ACTUAL, LOST);
            case TARGET -> EnumSet.of(POTENTIAL, ACTUAL, LOST);
            case ACTUAL -> EnumSet.of(LOST);
            case LOST -> EnumSet.of(TARGET, ACTUAL);
        };
    }

    public boolean canMoveTo(CustomerStatus next) {
        return next == this || allowedNext().contains(next);
    }
}

package com.kehu.crm.customer;

/**
 * Whether an actual customer (现实客户) is a first-time (初次) or repeat (重复) buyer, derived from the number of
 * completed orders (CATALOG 6.1 item 5), never typed in.
 */
public enum PurchaseStage {
    NONE,
    FIRST_TIME,
    REPEAT;

    public static PurchaseStage of(int completedOrders) {
        if (completedOrders <= 0) {
            return NONE;
        }
        return completedOrders == 1 ? FIRST_TIME : REPEAT;
    }
}

package com.kehu.crm.sales;

/** New business, or selling more (纵向, up-sell) or other products (横向, cross-sell) to a customer (CATALOG 1.5). */
public enum OpportunityType {
    NEW_BUSINESS,
    UP_SELL,
    CROSS_SELL
}

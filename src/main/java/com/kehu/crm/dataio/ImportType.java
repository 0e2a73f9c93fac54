package com.kehu.crm.dataio;

/** What a file holds. Orders are header-only (no lines). */
public enum ImportType {
    CUSTOMERS,
    ORDERS,
    CONTACTS,
    LEADS,
    PRODUCTS,
    PAYMENTS
}

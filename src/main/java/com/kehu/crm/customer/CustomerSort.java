package com.kehu.crm.customer;

/** The orders the customer list offers; each is backed by an index (see V3__customer_create_customer.sql). */
public enum CustomerSort {
    NAME("c.name asc, c.id asc", "c.name desc, c.id desc"),
    CODE("c.code asc", "c.code desc"),
    UPDATED("c.updated_at asc, c.id asc", "c.updated_at desc, c.id desc"),
    CREATED("c.created_at asc, c.id asc", "c.created_at desc, c.id desc");

    private final String ascending;
    private final String descending;

    CustomerSort(String ascending, String descending) {
        this.ascending = ascending;
        this.descending = descending;
    }

    String orderBy(boolean descendingOrder) {
        return descendingOrder ? descending : ascending;
    }
}

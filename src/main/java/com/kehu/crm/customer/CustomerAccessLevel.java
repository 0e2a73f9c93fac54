package com.kehu.crm.customer;

/** What a user may do with one customer and everything hanging off it (contacts, later deals and tickets). */
public enum CustomerAccessLevel {
    NONE,
    READ,
    WRITE
}

package com.kehu.crm.customer;

/** 贵宾型 / 重要型 / 普通型, set by hand until the analytics module computes value tiers. */
public enum Importance {
    VIP,
    IMPORTANT,
    ORDINARY
}

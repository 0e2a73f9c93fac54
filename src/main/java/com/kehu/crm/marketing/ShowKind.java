package com.kehu.crm.marketing;

/** Kinds of exhibition (会展): 政府公益展, 综合展, 专业展, 消费品展, 商务贸易展 (CATALOG 4.9). */
public enum ShowKind {
    PUBLIC_WELFARE,
    GENERAL,
    PROFESSIONAL,
    CONSUMER,
    TRADE
}

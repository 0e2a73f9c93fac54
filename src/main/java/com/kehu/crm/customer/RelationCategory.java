package com.kehu.crm.customer;

/** 消费者 / B2B / 渠道 / 内部客户 (CATALOG 1.1 relationCategory). */
public enum RelationCategory {
    CONSUMER,
    B2B,
    CHANNEL,
    INTERNAL
}

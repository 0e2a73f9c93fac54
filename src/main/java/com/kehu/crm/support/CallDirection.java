package com.kehu.crm.support;

/** 呼入 or 呼出. */
public enum CallDirection {
    INBOUND,
    OUTBOUND
}

package com.kehu.crm.customer;

/** 个人客户 or 企业客户 (CATALOG 1.1 partyType). */
public enum CustomerKind {
    INDIVIDUAL,
    ENTERPRISE
}

package com.kehu.crm.customer;

/** 客户行业. */
public enum Industry {
    MANUFACTURING,
    RETAIL,
    WHOLESALE,
    FINANCE,
    EDUCATION,
    MEDICAL,
    IT,
    REAL_ESTATE,
    LOGISTICS,
    CATERING,
    GOVERNMENT,
    OTHER
}

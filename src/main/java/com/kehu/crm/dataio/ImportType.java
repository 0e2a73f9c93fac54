package com.kehu.crm.dataio;

/** What a file holds. Orders come next. */
public enum ImportType {
    CUSTOMERS
}

package com.kehu.crm.dataio;

/**
 * What an import does with a row that matches an existing customer (by code, else phone digits, else e-mail): leave
 * the customer alone, update its fields from the non-empty cells, or create another customer anyway.
 */
public enum OnDuplicate {
    SKIP,
    UPDATE,
    CREATE
}

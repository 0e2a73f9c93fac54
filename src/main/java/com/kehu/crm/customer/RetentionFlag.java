package com.kehu.crm.customer;

/**
 * Why a customer is not worth retaining (CATALOG 4.7): low credit or deliberate fraud. A flagged customer is left out
 * of win-back segments and campaigns; the flag is set and cleared by whoever may change the customer.
 */
public enum RetentionFlag {
    BAD_CREDIT,
    FRAUD
}

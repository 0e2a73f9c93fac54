package com.kehu.crm.customer;

/** How the customer found us (CATALOG 1.1 source and prospect source). */
public enum CustomerSource {
    ORGANIC,
    ADVERTISING,
    WORD_OF_MOUTH,
    REFERRAL,
    DIRECTORY,
    EXHIBITION,
    WEB_FORM,
    PHONE,
    PARTNER,
    OTHER
}

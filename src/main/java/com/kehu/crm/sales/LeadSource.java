package com.kehu.crm.sales;

/** Where a lead came from (CATALOG 1.1 prospect sources, 4.3). */
public enum LeadSource {
    REFERRAL,
    DIRECTORY,
    PARTNER_LIST,
    ADVERTISING_REPLY,
    CAMPAIGN,
    EXHIBITION,
    WEB_FORM,
    PHONE
}

package com.kehu.crm.sales;

/** The prospect lists (名册) a lead was taken from (CATALOG 1.1). */
public enum ProspectList {
    FRIENDS_AND_RELATIVES,
    INDIVIDUALS,
    GROUPS,
    INFLUENTIAL_PERSONS,
    PERIODICALS,
    LOST_CUSTOMERS,
    COMPETITOR_CUSTOMERS,
    PARTNER_ORGANISATIONS
}

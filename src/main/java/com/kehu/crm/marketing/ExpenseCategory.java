package com.kehu.crm.marketing;

/** What a campaign expense (报销) paid for. */
public enum ExpenseCategory {
    VENUE,
    BOOTH,
    ADVERTISING,
    MATERIALS,
    GIFTS,
    TRAVEL,
    CATERING,
    STAFF,
    SERVICES,
    OTHER
}

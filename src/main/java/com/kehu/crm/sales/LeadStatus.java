package com.kehu.crm.sales;

/** A lead's progress: new → working → qualified → converted, or disqualified on the way. */
public enum LeadStatus {
    NEW,
    WORKING,
    QUALIFIED,
    DISQUALIFIED,
    CONVERTED;

    public boolean isOpen() {
        return this == NEW || this == WORKING || this == QUALIFIED;
    }
}

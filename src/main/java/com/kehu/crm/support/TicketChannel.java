package com.kehu.crm.support;

/** How the customer reached us. */
public enum TicketChannel {
    PHONE,
    EMAIL,
    WEB_FORM,
    SMS,
    WALK_IN,
    CALL_CENTRE
}

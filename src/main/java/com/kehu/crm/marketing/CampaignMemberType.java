package com.kehu.crm.marketing;

/** Who a member is: a customer, a contact of a customer, a lead, or a walk-in prospect typed in at the event. */
public enum CampaignMemberType {
    CUSTOMER,
    CONTACT,
    LEAD,
    PROSPECT
}

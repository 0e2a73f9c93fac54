package com.kehu.crm.survey;

/** Where an invitation stands: waiting for the customer, past its expiry, or answered. */
public enum InvitationStatus {
    PENDING,
    EXPIRED,
    ANSWERED
}

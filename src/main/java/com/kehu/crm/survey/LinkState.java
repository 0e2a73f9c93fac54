package com.kehu.crm.survey;

/** What a survey link is worth when opened: it can be answered, it was answered, or it is unknown or expired. */
public enum LinkState {
    OPEN,
    ANSWERED,
    INVALID
}

package com.kehu.crm.support;

/** How a call ended. */
public enum CallOutcome {
    ANSWERED,
    NO_ANSWER,
    BUSY,
    VOICEMAIL,
    CALLBACK_REQUESTED
}

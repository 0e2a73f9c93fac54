package com.kehu.crm.support;

/** The ticket's rules refuse this (a move the workflow does not allow, resolving without a summary, …). */
public class TicketRuleException extends RuntimeException {

    private final String reasonKey;

    public TicketRuleException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    /** The message key that explains the refusal on screen. */
    public String reasonKey() {
        return reasonKey;
    }
}

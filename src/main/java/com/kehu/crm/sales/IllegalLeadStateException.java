package com.kehu.crm.sales;

/** The lead's state does not allow this step (claiming a lead someone owns, converting an unqualified one…). */
public class IllegalLeadStateException extends RuntimeException {

    private final String reasonKey;

    public IllegalLeadStateException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    /** The message key that explains the refusal on screen. */
    public String reasonKey() {
        return reasonKey;
    }
}

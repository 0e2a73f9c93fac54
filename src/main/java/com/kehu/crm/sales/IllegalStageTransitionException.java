package com.kehu.crm.sales;

/** The pipeline does not allow this move (winning from prospecting, changing a won deal, losing without reason…). */
public class IllegalStageTransitionException extends RuntimeException {

    private final String reasonKey;

    public IllegalStageTransitionException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    /** The message key that explains the refusal on screen. */
    public String reasonKey() {
        return reasonKey;
    }
}

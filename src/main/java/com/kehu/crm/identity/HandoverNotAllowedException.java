package com.kehu.crm.identity;

/** The chosen reps cannot be part of this handover (another team's, the same person, or not an active rep). */
public class HandoverNotAllowedException extends RuntimeException {

    private final String reasonKey;

    public HandoverNotAllowedException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}

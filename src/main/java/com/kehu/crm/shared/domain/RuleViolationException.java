package com.kehu.crm.shared.domain;

/**
 * A domain rule refuses the request (a move a workflow does not allow, a closed record, a missing reason…). The
 * reason is a message key: screens show its text in the user's language, the API answers 409 with it as {@code code}.
 */
public abstract class RuleViolationException extends RuntimeException {

    private final String reasonKey;

    protected RuleViolationException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    /** The message key that explains the refusal. */
    public String reasonKey() {
        return reasonKey;
    }
}

package com.kehu.crm.support;

/** The call's contact or ticket belongs to another customer than the call; {@code field} names the culprit. */
public class CallLinkException extends RuntimeException {

    private final String field;

    public CallLinkException(String field) {
        super("The call's " + field + " belongs to another customer");
        this.field = field;
    }

    public String field() {
        return field;
    }
}

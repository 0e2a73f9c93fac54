package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.RuleViolationException;

/** A care item that does not hold together (a holiday greeting without its date, a visit without an interval…). */
public class CareRuleException extends RuleViolationException {

    private final String field;

    CareRuleException(String field, String reasonKey, String message) {
        super(reasonKey, message);
        this.field = field;
    }

    /** The form field the refusal belongs next to. */
    public String field() {
        return field;
    }
}

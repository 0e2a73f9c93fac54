package com.kehu.crm.sales;

import com.kehu.crm.shared.domain.RuleViolationException;

/** The lead's state does not allow this step (claiming a lead someone owns, converting an unqualified one…). */
public class IllegalLeadStateException extends RuleViolationException {

    public IllegalLeadStateException(String reasonKey, String message) {
        super(reasonKey, message);
    }
}

package com.kehu.crm.support;

import com.kehu.crm.shared.domain.RuleViolationException;

/** The ticket's rules refuse this (a move the workflow does not allow, resolving without a summary, …). */
public class TicketRuleException extends RuleViolationException {

    public TicketRuleException(String reasonKey, String message) {
        super(reasonKey, message);
    }
}

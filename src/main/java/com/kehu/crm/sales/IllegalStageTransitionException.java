package com.kehu.crm.sales;

import com.kehu.crm.shared.domain.RuleViolationException;

/** The pipeline does not allow this move (winning from prospecting, changing a won deal, losing without reason…). */
public class IllegalStageTransitionException extends RuleViolationException {

    public IllegalStageTransitionException(String reasonKey, String message) {
        super(reasonKey, message);
    }
}

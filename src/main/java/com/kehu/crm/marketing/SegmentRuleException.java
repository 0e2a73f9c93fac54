package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.RuleViolationException;

/** A segment rule refused the request: a built-in segment edited, a closed campaign, a snapshot already running. */
public class SegmentRuleException extends RuleViolationException {

    public SegmentRuleException(String reasonKey, String message) {
        super(reasonKey, message);
    }
}

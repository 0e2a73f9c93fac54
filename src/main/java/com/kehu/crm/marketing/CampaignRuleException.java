package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.RuleViolationException;

/** A campaign rule refuses this (a status move the workflow does not allow, deleting a campaign that ran, …). */
public class CampaignRuleException extends RuleViolationException {

    public CampaignRuleException(String reasonKey, String message) {
        super(reasonKey, message);
    }
}

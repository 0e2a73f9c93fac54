package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such campaign (or member, expense, task of it, or customer, contact, lead to add). */
public class CampaignNotFoundException extends RecordNotFoundException {

    private CampaignNotFoundException(String message) {
        super(message);
    }

    public static CampaignNotFoundException forId(long id) {
        return new CampaignNotFoundException("No campaign with id " + id);
    }

    public static CampaignNotFoundException of(String what, long id) {
        return new CampaignNotFoundException("No " + what + " with id " + id + " for this campaign");
    }
}

package com.kehu.crm.sales;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such opportunity, or one the user may not see. */
public class OpportunityNotFoundException extends RecordNotFoundException {

    private OpportunityNotFoundException(String message) {
        super(message);
    }

    public static OpportunityNotFoundException forId(long id) {
        return new OpportunityNotFoundException("No visible opportunity with id " + id);
    }
}

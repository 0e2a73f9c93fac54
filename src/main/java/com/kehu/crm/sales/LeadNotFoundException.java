package com.kehu.crm.sales;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such lead, or a private lead of somebody outside the user's scope. */
public class LeadNotFoundException extends RecordNotFoundException {

    public LeadNotFoundException(long id) {
        super("No visible lead with id " + id);
    }
}
